"""signal weights learned from staff decisions

Each training run of `matchmaker matches learn` is kept, adopted or not, with how the
learned and the current weights ranked held-out decisions.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 04:38:39.979609

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('learned_weights',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('model_version', sa.String(length=60), nullable=False),
    sa.Column('trained_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decisions', sa.Integer(), nullable=False),
    sa.Column('positives', sa.Integer(), nullable=False),
    sa.Column('auc_current', sa.Double(), nullable=False),
    sa.Column('auc_learned', sa.Double(), nullable=False),
    sa.Column('weights', sa.JSON(), nullable=False),
    sa.Column('adopted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learned_weights'))
    )


def downgrade():
    op.drop_table('learned_weights')
