"""sms opt-outs

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 07:41:08.325731
"""

from alembic import op
import sqlalchemy as sa
import models.base


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sms_opt_outs',
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('opted_out_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('opted_in_at', models.base.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('phone', name=op.f('pk_sms_opt_outs'))
    )


def downgrade() -> None:
    op.drop_table('sms_opt_outs')
