"""the texts staff approved, of profiles and needs

`organizations.approved_text` and `needs.approved_text`: an owner's edits are measured
against what staff approved, not against the last save, so that many small edits cannot
move an approved profile or need away from it unreviewed. Approved rows start from
their current text.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27 10:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('approved_text', sa.Text(), nullable=True))
    with op.batch_alter_table('needs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('approved_text', sa.Text(), nullable=True))
    # The texts as `services.profiles.public_text` and `need_text` join them; "||" and
    # coalesce mean the same in SQLite and PostgreSQL, the line break is a parameter.
    op.execute(
        sa.text(
            "UPDATE organizations SET approved_text = name || :nl || coalesce(website, '')"
            " || :nl || coalesce(description, '') || :nl || coalesce(offers, '')"
            " || :nl || coalesce(seeks, '') WHERE status = 'approved'"
        ).bindparams(nl="\n")
    )
    op.execute(
        sa.text(
            "UPDATE needs SET approved_text = title || :nl || coalesce(description, '')"
            " WHERE review_status = 'approved'"
        ).bindparams(nl="\n")
    )


def downgrade():
    with op.batch_alter_table('needs', schema=None) as batch_op:
        batch_op.drop_column('approved_text')
    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.drop_column('approved_text')
