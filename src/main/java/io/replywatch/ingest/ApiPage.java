package io.replywatch.ingest;

/**
 * One successful API response, parsed, with the rate-limit state its headers reported: the poller needs both to
 * decide what to read next and when it may ask again.
 */
public record ApiPage<T>(T value, RateLimit rateLimit) {}
