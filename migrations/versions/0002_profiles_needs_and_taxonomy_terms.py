"""profiles, needs and taxonomy terms

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 18:29:12.625614

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    # New NOT NULL columns of organizations carry a server default so that existing rows
    # (accounts registered before profiles existed) migrate as empty draft profiles.
    op.create_table('needs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('text_language', sa.String(length=2), nullable=False),
    sa.Column('time_horizon', sa.Enum('now', 'soon', 'later', name='timehorizon', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('status', sa.Enum('open', 'paused', 'closed', name='needstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('review_status', sa.Enum('draft', 'pending', 'approved', 'changes_requested', 'suspended', 'deleted', name='profilestatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('review_comment', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_needs_organization_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_needs'))
    )
    with op.batch_alter_table('needs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_needs_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_needs_review_status'), ['review_status'], unique=False)
        batch_op.create_index(batch_op.f('ix_needs_status'), ['status'], unique=False)

    op.create_table('organization_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('vocabulary', sa.String(length=40), nullable=False),
    sa.Column('term_id', sa.String(length=60), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_organization_terms_organization_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization_terms')),
    sa.UniqueConstraint('organization_id', 'vocabulary', 'term_id', name=op.f('uq_organization_terms_organization_id'))
    )
    with op.batch_alter_table('organization_terms', schema=None) as batch_op:
        batch_op.create_index('ix_organization_terms_lookup', ['vocabulary', 'term_id'], unique=False)

    op.create_table('need_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('need_id', sa.Integer(), nullable=False),
    sa.Column('vocabulary', sa.String(length=40), nullable=False),
    sa.Column('term_id', sa.String(length=60), nullable=False),
    sa.ForeignKeyConstraint(['need_id'], ['needs.id'], name=op.f('fk_need_terms_need_id_needs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_need_terms')),
    sa.UniqueConstraint('need_id', 'vocabulary', 'term_id', name=op.f('uq_need_terms_need_id'))
    )
    with op.batch_alter_table('need_terms', schema=None) as batch_op:
        batch_op.create_index('ix_need_terms_lookup', ['vocabulary', 'term_id'], unique=False)

    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()))
        batch_op.add_column(sa.Column('website', sa.String(length=300), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('country', sa.String(length=2), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('city', sa.String(length=100), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('description', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('offers', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('seeks', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('text_language', sa.String(length=2), nullable=False, server_default='en'))
        batch_op.add_column(sa.Column('founded_year', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('team_size', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('stage', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('funding_status', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('parent_company', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('decision_path', sa.Enum('local', 'headquarters', 'joint', name='decisionpath', native_enum=False, create_constraint=True, length=32), nullable=True))
        batch_op.add_column(sa.Column('is_name_public', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('accepts_proposals', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.add_column(sa.Column('contact_name', sa.String(length=120), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('contact_role', sa.String(length=120), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('contact_email', sa.String(length=254), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('contact_phone', sa.String(length=40), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('logo', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('logo_mime', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('status', sa.Enum('draft', 'pending', 'approved', 'changes_requested', 'suspended', 'deleted', name='profilestatus', native_enum=False, create_constraint=True, length=32), nullable=False, server_default='draft'))
        batch_op.add_column(sa.Column('review_comment', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('reviewed_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_organizations_status'), ['status'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_organizations_reviewed_by_id_users'), 'users', ['reviewed_by_id'], ['id'], ondelete='SET NULL', use_alter=True)

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True))



def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('deleted_at')

    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_organizations_reviewed_by_id_users'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_organizations_status'))
        # SQLite rebuilds the table in batch mode: the enum CHECKs must go with their columns.
        batch_op.drop_constraint(batch_op.f('ck_organizations_profilestatus'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_organizations_decisionpath'), type_='check')
        batch_op.drop_column('submitted_at')
        batch_op.drop_column('reviewed_by_id')
        batch_op.drop_column('reviewed_at')
        batch_op.drop_column('review_comment')
        batch_op.drop_column('status')
        batch_op.drop_column('logo_mime')
        batch_op.drop_column('logo')
        batch_op.drop_column('contact_phone')
        batch_op.drop_column('contact_email')
        batch_op.drop_column('contact_role')
        batch_op.drop_column('contact_name')
        batch_op.drop_column('accepts_proposals')
        batch_op.drop_column('is_name_public')
        batch_op.drop_column('decision_path')
        batch_op.drop_column('parent_company')
        batch_op.drop_column('funding_status')
        batch_op.drop_column('stage')
        batch_op.drop_column('team_size')
        batch_op.drop_column('founded_year')
        batch_op.drop_column('text_language')
        batch_op.drop_column('seeks')
        batch_op.drop_column('offers')
        batch_op.drop_column('description')
        batch_op.drop_column('city')
        batch_op.drop_column('country')
        batch_op.drop_column('website')
        batch_op.drop_column('updated_at')

    with op.batch_alter_table('need_terms', schema=None) as batch_op:
        batch_op.drop_index('ix_need_terms_lookup')

    op.drop_table('need_terms')
    with op.batch_alter_table('organization_terms', schema=None) as batch_op:
        batch_op.drop_index('ix_organization_terms_lookup')

    op.drop_table('organization_terms')
    with op.batch_alter_table('needs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_needs_status'))
        batch_op.drop_index(batch_op.f('ix_needs_review_status'))
        batch_op.drop_index(batch_op.f('ix_needs_organization_id'))

    op.drop_table('needs')
