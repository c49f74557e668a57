"""PLACEHOLDER until the money extractor lands."""

def extract(ctx):
    return []
