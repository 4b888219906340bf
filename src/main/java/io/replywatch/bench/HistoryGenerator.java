package io.replywatch.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic history in the twcs CSV format, so the replay bench runs on a fresh clone without the
 * Kaggle data. Shaped like the real file: laid out conversation by conversation (not in time order), most
 * complaints answered within minutes to hours, some with a follow-up, some never answered, some quoted
 * multi-line texts. Deterministic for a given seed.
 */
final class HistoryGenerator {
  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final List<String> TEXTS = List.of(
      "@%s my order never arrived and nobody answers",
      "@%s how do I change the delivery address?",
      "@%s the app keeps crashing when I log in",
      "@%s thanks, that fixed it!",
      "@%s I was charged twice, this is unacceptable.\nOrder 4411, \"express\"",
      "@%s is there a store near the station?");

  private HistoryGenerator() {}

  /** A twcs CSV with {@code conversations} threads; returns the text and counts customer tweets in {@code mentions}. */
  static String twcs(int conversations, long seed, long[] mentions) {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder(conversations * 260);
    sb.append("tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n");
    long id = 1;
    long t0 = Instant.parse("2026-10-01T00:00:00Z").getEpochSecond();
    for (int c = 0; c < conversations; c++) {
      String brand = "Brand" + random.nextInt(40);
      String customer = Long.toString(100_000 + random.nextInt(5_000_000));
      long t = t0 + random.nextInt(30 * 86_400);
      long root = id++;
      row(sb, root, customer, true, t, String.format(TEXTS.get(random.nextInt(TEXTS.size())), brand), null);
      mentions[0]++;
      if (random.nextInt(10) < 8) {
        long reply = id++;
        t += 30 + random.nextInt(random.nextBoolean() ? 1_800 : 14_400);
        row(sb, reply, brand, false, t, "@" + customer + " sorry to hear that, please DM us", root);
        if (random.nextInt(4) == 0) {
          long followUp = id++;
          t += 60 + random.nextInt(3_600);
          row(sb, followUp, customer, true, t, "still not working, waited hours", reply);
          mentions[0]++;
          if (random.nextBoolean()) {
            row(sb, id++, brand, false, t + 60 + random.nextInt(7_200), "@" + customer + " escalated", followUp);
          }
        }
      }
    }
    return sb.toString();
  }

  /** RFC 4180: quoted when it holds a comma, quote or line break, with quotes doubled. */
  private static String csv(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  private static void row(StringBuilder sb, long id, String author, boolean inbound, long epochSecond, String text,
      Long parent) {
    sb.append(id).append(',').append(author).append(',').append(inbound ? "True" : "False").append(',')
        .append(CREATED_AT.format(Instant.ofEpochSecond(epochSecond))).append(',').append(csv(text)).append(",,")
        .append(parent == null ? "" : parent.toString()).append('\n');
  }
}
