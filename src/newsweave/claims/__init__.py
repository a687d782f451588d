"""Claim extraction: one claim per checkable clause, with speaker, modality, negation and structured slots."""
from .extract import claims_for, extract_claims

__all__ = ["claims_for", "extract_claims"]
