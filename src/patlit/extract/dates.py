"""PLACEHOLDER until the dates extractor lands."""

def extract(ctx):
    return []

def find_published(text, lang):
    return None
