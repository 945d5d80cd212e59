"""Output formats, one module each. Every writer is a pure function returning text."""
