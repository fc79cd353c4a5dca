package org.heartdisease.monitoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How answers are watched ({@code heart.monitoring.*}).
 *
 * @param enabled whether answers are recorded at all (on by default; off only to measure its cost)
 * @param drift the drift bands and window
 */
@ConfigurationProperties("heart.monitoring")
public record MonitoringProperties(@DefaultValue("true") boolean enabled, @DefaultValue Drift drift) {

	/**
	 * @param moderate the index from which a field's shift counts as moderate
	 * @param major the index from which it counts as major, the alarms' threshold
	 * @param window how far back a long-lived process's drift gauge looks
	 * @param minAnswers below how many answers in the window the gauge shows no index (NaN)
	 */
	public record Drift(@DefaultValue("0.1") double moderate, @DefaultValue("0.25") double major,
			@DefaultValue("1h") Duration window, @DefaultValue("100") long minAnswers) {

		public org.heartdisease.monitoring.Drift.Thresholds thresholds() {
			return new org.heartdisease.monitoring.Drift.Thresholds(this.moderate, this.major);
		}

	}

}
