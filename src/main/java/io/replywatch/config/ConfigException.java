package io.replywatch.config;

import io.replywatch.usage.UsageException;

/** A config file that cannot be used: the message names the file and the key path, never a secret's value. */
public class ConfigException extends UsageException {

  public ConfigException(String message) {
    super(message);
  }
}
