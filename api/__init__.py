"""The HTTP service: search for readers, articles and stories, health and metrics."""
