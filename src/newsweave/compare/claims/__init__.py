"""Claim extraction: one claim per checkable clause, with speaker, modality, negation and structured slots."""
from .extract import extract_claims

__all__ = ["extract_claims"]
