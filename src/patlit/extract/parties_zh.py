"""PLACEHOLDER until the zh parties grammar lands."""

def extract(ctx, mentions):
    return []
