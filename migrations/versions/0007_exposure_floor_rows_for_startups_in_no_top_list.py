"""exposure floor rows for startups in no top list

A validated startup that no need ranks among its best keeps one stored match, for the need
that scores it best, so that the staff review queue can still offer it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 09:12:41.301522

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('matches', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_exposure_floor', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('matches', schema=None) as batch_op:
        batch_op.drop_column('is_exposure_floor')
