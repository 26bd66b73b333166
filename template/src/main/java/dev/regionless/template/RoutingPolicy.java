package dev.regionless.template;

/**
 * How Route 53 chooses among the records that share a name and type: each record carries one policy, and every
 * record of a name and type carries the same kind.
 */
public sealed interface RoutingPolicy {

    /** What the policy is called in messages: {@code simple}, {@code latency}, {@code failover}, {@code weighted}. */
    String kind();

    /** A record on its own, without {@code SetIdentifier}: always the answer, never health-checked by Route 53. */
    record Simple() implements RoutingPolicy {
        @Override
        public String kind() {
            return "simple";
        }
    }

    /**
     * {@code Region}: the answer is the record whose region is nearest, in round-trip time, to the client.
     *
     * @param region the region the record's latency is measured to
     */
    record Latency(String region) implements RoutingPolicy {
        @Override
        public String kind() {
            return "latency";
        }
    }

    /**
     * {@code Failover}: the primary while it is healthy, else the secondary; both unhealthy gives the primary.
     *
     * @param role {@code PRIMARY} or {@code SECONDARY}
     */
    record Failover(Role role) implements RoutingPolicy {
        @Override
        public String kind() {
            return "failover";
        }

        /** A failover record's role. */
        public enum Role {
            PRIMARY,
            SECONDARY
        }
    }

    /**
     * {@code Weight}: each record is the answer in proportion to its weight among the healthy records; records of
     * weight 0 only when every other record is unhealthy.
     *
     * @param weight 0..255
     */
    record Weighted(int weight) implements RoutingPolicy {
        @Override
        public String kind() {
            return "weighted";
        }
    }
}
