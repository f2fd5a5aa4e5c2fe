"""corporates save or dismiss ranked startups per need

"Not interested" hides a startup for one need and is kept as a signal for the matcher.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 02:11:30.505109

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('need_startup_marks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('need_id', sa.Integer(), nullable=False),
    sa.Column('startup_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('saved', 'not_interested', name='markkind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('marked_by_id', sa.Integer(), nullable=True),
    sa.Column('marked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['marked_by_id'], ['users.id'], name=op.f('fk_need_startup_marks_marked_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['need_id'], ['needs.id'], name=op.f('fk_need_startup_marks_need_id_needs'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['startup_id'], ['organizations.id'], name=op.f('fk_need_startup_marks_startup_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_need_startup_marks')),
    sa.UniqueConstraint('need_id', 'startup_id', name=op.f('uq_need_startup_marks_need_id'))
    )
    with op.batch_alter_table('need_startup_marks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_need_startup_marks_startup_id'), ['startup_id'], unique=False)



def downgrade():
    with op.batch_alter_table('need_startup_marks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_need_startup_marks_startup_id'))

    op.drop_table('need_startup_marks')
