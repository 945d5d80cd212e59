"""Editorial review: a decision store plus a spreadsheet round trip (export, edit, import)."""
from checker.review.store import (DECISIONS, Decision, apply_decisions, default_store_path,
                                  load_decisions, save_decisions)

__all__ = ["DECISIONS", "Decision", "apply_decisions", "default_store_path", "load_decisions",
           "save_decisions"]
