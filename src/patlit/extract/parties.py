"""PLACEHOLDER until the parties extractor lands."""

def extract(ctx, mentions):
    return []
