"""The clients applications use: `NonAssociationsApi` and its asyncio twin, what both
share (each method's call as data, the operation table, reading replies), their raw
replies and typed views, and the answers to the everyday questions."""
