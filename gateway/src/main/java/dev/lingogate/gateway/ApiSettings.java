package dev.lingogate.gateway;

import dev.lingogate.gateway.cors.CorsConfiguration;

/**
 * What the template says about the API as a whole beyond its routes.
 *
 * @param cors the API's CORS settings; null when it has none
 */
public record ApiSettings(CorsConfiguration cors) {

  /** No CORS. */
  public static ApiSettings none() {
    return new ApiSettings(null);
  }

  public ApiSettings withCors(CorsConfiguration newCors) {
    return new ApiSettings(newCors);
  }
}
