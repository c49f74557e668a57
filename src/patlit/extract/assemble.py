"""PLACEHOLDER until proceeding assembly lands."""

def assemble(ctx, actions, outcomes, mentions, parties):
    return []
