"""evidence index on (fact_type, fact_id) covers document_id

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

A dispute's summary counts the distinct documents reporting its proceedings after every
stored document; with document_id in the index that count reads the index alone instead
of one evidence row (with its sentence text) per report.
"""
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_evidence_fact_doc', 'evidence', ['fact_type', 'fact_id', 'document_id'], unique=False)
    op.drop_index('ix_evidence_fact', table_name='evidence')


def downgrade() -> None:
    op.create_index('ix_evidence_fact', 'evidence', ['fact_type', 'fact_id'], unique=False)
    op.drop_index('ix_evidence_fact_doc', table_name='evidence')
