"""What the tests (and the benchmarks) share, imported as a package: ``from tests.support.pages import …``.

pages     the sample pages, the one written article page builder, front matter reading
site      the one loopback web server (crawl tests, editor submissions, the crawl benchmark)
postgres  the one PostgreSQL helper (honours NEWSDESK_TEST_POSTGRES)
api       a client over a corpus; drafts: an editor's app on seeded articles
queue     worker processes, brokers, and waiting for them (``wait_until``)
"""
