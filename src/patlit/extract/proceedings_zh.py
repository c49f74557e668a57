"""PLACEHOLDER until the zh proceedings grammar lands."""

def find_actions(ctx, parties, mentions):
    return [], []
