package io.replywatch.classify.corpus;

import io.replywatch.classify.Category;

/** One text with the category a human gave it. */
public record LabelledText(String text, Category label) {}
