"""introductions, audit log, meetings, notifications

The pipeline of startup-corporate pairs (one row per pair), its append-only audit log,
agreed meetings, in-app notifications, and the staff account manager of an organisation.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 01:51:15.672879

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('introductions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('corporate_id', sa.Integer(), nullable=False),
    sa.Column('startup_id', sa.Integer(), nullable=False),
    sa.Column('need_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('proposed', 'approved', 'startup_accepted', 'corporate_accepted', 'introduced', 'meeting_held', 'concluded', 'rejected', 'declined', 'expired', name='introductionstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('is_requested_by_corporate', sa.Boolean(), nullable=False),
    sa.Column('request_message', sa.Text(), nullable=False),
    sa.Column('score', sa.Double(), nullable=True),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('next_action', sa.String(length=200), nullable=False),
    sa.Column('next_action_on', sa.Date(), nullable=True),
    sa.Column('next_action_reminded_on', sa.Date(), nullable=True),
    sa.Column('decision_reason', sa.Enum('not_relevant', 'too_early', 'competitor', 'already_in_contact', 'no_capacity', 'other', name='decisionreason', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('decision_comment', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Enum('pilot', 'joint_development', 'investment', 'contract', 'in_discussion', 'no_fit', name='outcome', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('asked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reminders_sent', sa.Integer(), nullable=False),
    sa.Column('feedback_rounds_sent', sa.Integer(), nullable=False),
    sa.Column('introduction_text', sa.Text(), nullable=False),
    sa.Column('introduction_language', sa.String(length=2), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('introduced_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('meeting_held_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['corporate_id'], ['organizations.id'], name=op.f('fk_introductions_corporate_id_organizations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['need_id'], ['needs.id'], name=op.f('fk_introductions_need_id_needs'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_introductions_owner_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['startup_id'], ['organizations.id'], name=op.f('fk_introductions_startup_id_organizations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_introductions')),
    sa.UniqueConstraint('corporate_id', 'startup_id', name=op.f('uq_introductions_corporate_id'))
    )
    with op.batch_alter_table('introductions', schema=None) as batch_op:
        batch_op.create_index('ix_introductions_corporate_status', ['corporate_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_introductions_need_id'), ['need_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_introductions_next_action_on'), ['next_action_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_introductions_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_introductions_startup_id'), ['startup_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_introductions_status'), ['status'], unique=False)

    op.create_table('introduction_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('introduction_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_label', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('from_status', sa.Enum('proposed', 'approved', 'startup_accepted', 'corporate_accepted', 'introduced', 'meeting_held', 'concluded', 'rejected', 'declined', 'expired', name='from_status', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('to_status', sa.Enum('proposed', 'approved', 'startup_accepted', 'corporate_accepted', 'introduced', 'meeting_held', 'concluded', 'rejected', 'declined', 'expired', name='to_status', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_introduction_events_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['introduction_id'], ['introductions.id'], name=op.f('fk_introduction_events_introduction_id_introductions'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_introduction_events'))
    )
    with op.batch_alter_table('introduction_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_introduction_events_introduction_id'), ['introduction_id'], unique=False)

    op.create_table('meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('introduction_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('video_url', sa.String(length=500), nullable=False),
    sa.Column('needs_interpreter', sa.Boolean(), nullable=False),
    sa.Column('interpreter_languages', sa.String(length=40), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['introduction_id'], ['introductions.id'], name=op.f('fk_meetings_introduction_id_introductions'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings')),
    sa.UniqueConstraint('introduction_id', name=op.f('uq_meetings_introduction_id'))
    )
    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('introduction_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['introduction_id'], ['introductions.id'], name=op.f('fk_notifications_introduction_id_introductions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_notifications_organization_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notifications_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications'))
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notifications_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notifications_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('account_manager_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_organizations_account_manager_id'), ['account_manager_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_organizations_account_manager_id_users'), 'users', ['account_manager_id'], ['id'], ondelete='SET NULL', use_alter=True)



def downgrade():
    with op.batch_alter_table('organizations', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_organizations_account_manager_id_users'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_organizations_account_manager_id'))
        batch_op.drop_column('account_manager_id')

    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notifications_user_id'))
        batch_op.drop_index(batch_op.f('ix_notifications_organization_id'))

    op.drop_table('notifications')
    op.drop_table('meetings')
    with op.batch_alter_table('introduction_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_introduction_events_introduction_id'))

    op.drop_table('introduction_events')
    with op.batch_alter_table('introductions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_introductions_status'))
        batch_op.drop_index(batch_op.f('ix_introductions_startup_id'))
        batch_op.drop_index(batch_op.f('ix_introductions_owner_id'))
        batch_op.drop_index(batch_op.f('ix_introductions_next_action_on'))
        batch_op.drop_index(batch_op.f('ix_introductions_need_id'))
        batch_op.drop_index('ix_introductions_corporate_status')

    op.drop_table('introductions')
