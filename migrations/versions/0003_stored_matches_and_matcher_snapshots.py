"""stored matches and matcher snapshots

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 18:43:20.759749

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('matcher_snapshots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('model_version', sa.String(length=60), nullable=False),
    sa.Column('fitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('startup_count', sa.Integer(), nullable=False),
    sa.Column('payload', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_matcher_snapshots'))
    )
    op.create_table('matches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('need_id', sa.Integer(), nullable=False),
    sa.Column('startup_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Double(), nullable=False),
    sa.Column('features', sa.JSON(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('model_version', sa.String(length=60), nullable=False),
    sa.Column('computed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['need_id'], ['needs.id'], name=op.f('fk_matches_need_id_needs'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['startup_id'], ['organizations.id'], name=op.f('fk_matches_startup_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_matches')),
    sa.UniqueConstraint('need_id', 'startup_id', name=op.f('uq_matches_need_id'))
    )
    with op.batch_alter_table('matches', schema=None) as batch_op:
        batch_op.create_index('ix_matches_need_score', ['need_id', 'score'], unique=False)
        batch_op.create_index(batch_op.f('ix_matches_startup_id'), ['startup_id'], unique=False)



def downgrade():
    with op.batch_alter_table('matches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_matches_startup_id'))
        batch_op.drop_index('ix_matches_need_score')

    op.drop_table('matches')
    op.drop_table('matcher_snapshots')
