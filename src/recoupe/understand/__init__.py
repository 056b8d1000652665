"""Understanding one article: parse, dates, entities, events with their evidence."""
