"""mailbox state and email threading

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 07:06:54.293240
"""

from alembic import op
import sqlalchemy as sa
import models.base


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('mailbox_states',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('folder', sa.String(length=300), nullable=False),
    sa.Column('uidvalidity', sa.BigInteger(), nullable=True),
    sa.Column('last_uid', sa.BigInteger(), nullable=False),
    sa.Column('last_poll_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_success_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_error_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_mailbox_states'))
    )
    with op.batch_alter_table('outbound', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_message_id', sa.String(length=300), nullable=True))
        batch_op.create_index(batch_op.f('ix_outbound_email_message_id'), ['email_message_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('outbound', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbound_email_message_id'))
        batch_op.drop_column('email_message_id')

    op.drop_table('mailbox_states')

