"""one exposure floor row per startup

A partial unique index on matches.startup_id where is_exposure_floor: two refreshes running
at once cannot both give a startup a floor row.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 11:02:17.514203

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    # Refreshes running at once may have left a startup two floor rows: keep its first.
    # The rows are a cache of the ranking; the next rebuild places them again.
    op.execute(
        'DELETE FROM matches WHERE is_exposure_floor AND id NOT IN '
        '(SELECT min(id) FROM matches WHERE is_exposure_floor GROUP BY startup_id)'
    )
    with op.batch_alter_table('matches', schema=None) as batch_op:
        batch_op.create_index('uq_matches_exposure_floor_startup_id', ['startup_id'], unique=True, sqlite_where=sa.text('is_exposure_floor'), postgresql_where=sa.text('is_exposure_floor'))


def downgrade():
    with op.batch_alter_table('matches', schema=None) as batch_op:
        batch_op.drop_index('uq_matches_exposure_floor_startup_id', sqlite_where=sa.text('is_exposure_floor'), postgresql_where=sa.text('is_exposure_floor'))
