package org.farmgate.training;

import java.util.List;
import java.util.UUID;

/**
 * Every attendance so far and every trainee linked to an entrepreneur, told again (by
 * {@link TrainingHistory}) for a listener that starts late or rebuilds what it keeps.
 * {@code id} identifies the publication.
 */
public record TrainingRestated(UUID id, List<SessionAttended> attendances, List<TraineeLinked> links) {
}
