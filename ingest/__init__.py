"""The per-page path: extract → digest → store, stories and coverage, drafts and their export,
and the safe fetch of a URL an editor submits. Reads and writes through ``store``.
"""
