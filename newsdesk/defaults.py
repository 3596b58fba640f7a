"""The numbers every layer shares, in one place; this module imports nothing.

``newsdesk.settings`` starts from them (the environment may override), and ``nlp`` uses them as
its functions' defaults, so a summary is the same length however it is asked for.
"""

SUMMARY_SENTENCES = 3  # key sentences in a summary
KEY_FACT_SENTENCES = 2  # an article's summary adds up to this many with a policy's key facts (drafts)
EXCERPT_CHARS = 160  # characters in an excerpt
ROBOTS_AGENT = "newsdesk"  # the name robots.txt rules are matched against, and the User-Agent's product
