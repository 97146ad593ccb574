package dev.lingogate.app.translations;

import java.util.List;
import java.util.Optional;

/** One page of history, newest first, and where the next one starts if there may be one. */
record Page(List<Translation> items, Optional<Cursor> next) {
}
