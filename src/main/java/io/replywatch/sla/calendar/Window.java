package io.replywatch.sla.calendar;

import java.time.LocalTime;

/**
 * One business-hours window of a day, in wall-clock time: from {@code start} up to {@code end}, or up to the
 * next midnight when {@code endsAtMidnight} (written {@code 24:00}; then {@code end} is unused).
 */
public record Window(LocalTime start, LocalTime end, boolean endsAtMidnight) {}
