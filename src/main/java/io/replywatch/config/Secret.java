package io.replywatch.config;

/** A token, routing key or webhook URL. Its {@code toString} never shows the value, so it cannot leak into logs. */
public record Secret(String value) {

  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value == null || value.isEmpty();
  }

  @Override
  public String toString() {
    return isEmpty() ? "<unset>" : "<secret>";
  }
}
