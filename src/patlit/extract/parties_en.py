"""PLACEHOLDER until the en parties grammar lands."""

def extract(ctx, mentions):
    return []
