"""PLACEHOLDER until the forums extractor lands."""

def extract(ctx):
    return []
