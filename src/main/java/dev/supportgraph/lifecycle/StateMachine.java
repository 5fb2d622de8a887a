package dev.supportgraph.lifecycle;

import dev.supportgraph.error.ApiException;
import dev.supportgraph.error.ErrorCode;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A lifecycle as data: the allowed (from, to) pairs of one object type, each pair named by the
 * action that performs it (TMF "start", "requestInformation", ...). Services ask {@link #check}
 * before changing a status; tests walk {@link #states()} x {@link #states()} against
 * {@link #allows}. Pairs declared with {@link Builder#back} lead back to the state the object
 * came from (e.g. declining a cancellation) and only apply to that one previous state.
 */
public final class StateMachine<S extends Enum<S>> {

    private final String type;
    private final Set<S> states;
    private final Set<S> initial;
    private final Map<S, Map<S, String>> actions;
    private final Map<S, Set<S>> backTargets;

    private StateMachine(Builder<S> builder) {
        this.type = builder.type;
        this.states = Collections.unmodifiableSet(builder.states);
        this.initial = Collections.unmodifiableSet(builder.initial);
        this.actions = builder.actions;
        this.backTargets = builder.backTargets;
    }

    public static <S extends Enum<S>> Builder<S> of(String type, Class<S> states) {
        return new Builder<>(type, states);
    }

    /** The GraphQL type name this lifecycle belongs to (used in messages). */
    public String type() {
        return type;
    }

    public Set<S> states() {
        return states;
    }

    /** States an object may be created in. */
    public Set<S> initial() {
        return initial;
    }

    public boolean allows(S from, S to) {
        return actions.getOrDefault(from, Map.of()).containsKey(to);
    }

    /** Whether (from, to) is a return to the state before {@code from}, allowed only to that state. */
    public boolean isBack(S from, S to) {
        return backTargets.getOrDefault(from, Set.of()).contains(to);
    }

    /** The action name of an allowed pair. */
    public Optional<String> action(S from, S to) {
        return Optional.ofNullable(actions.getOrDefault(from, Map.of()).get(to));
    }

    /**
     * Refuses a pair that the table does not allow with INVALID_TRANSITION; {@code previous} is
     * the state before {@code from} (needed for back pairs, may be null otherwise). Returns the
     * action name.
     */
    public String check(S from, S to, S previous) {
        String action = actions.getOrDefault(from, Map.of()).get(to);
        if (action == null || (isBack(from, to) && to != previous)) {
            throw ApiException.of(ErrorCode.INVALID_TRANSITION, List.of("input", "to"),
                    type + " cannot go from " + from + " to " + to);
        }
        return action;
    }

    public static final class Builder<S extends Enum<S>> {
        private final String type;
        private final Set<S> states;
        private final Set<S> initial;
        private final Map<S, Map<S, String>> actions;
        private final Map<S, Set<S>> backTargets;

        private Builder(String type, Class<S> stateType) {
            this.type = type;
            this.states = EnumSet.allOf(stateType);
            this.initial = EnumSet.noneOf(stateType);
            this.actions = new EnumMap<>(stateType);
            this.backTargets = new EnumMap<>(stateType);
        }

        public Builder<S> initial(S first, S... more) {
            initial.add(first);
            initial.addAll(List.of(more));
            return this;
        }

        /** Allows {@code from -> to} for every given source, under the action's name. */
        public Builder<S> action(String name, S to, S from, S... moreFrom) {
            allow(from, to, name);
            for (S source : moreFrom) {
                allow(source, to, name);
            }
            return this;
        }

        /** Allows {@code from} to return to whichever of {@code targets} it was entered from. */
        public Builder<S> back(String name, S from, S target, S... moreTargets) {
            Set<S> targets = backTargets.computeIfAbsent(from, s -> EnumSet.of(target));
            targets.add(target);
            targets.addAll(List.of(moreTargets));
            targets.forEach(to -> allow(from, to, name));
            return this;
        }

        private void allow(S from, S to, String name) {
            if (from == to) {
                throw new IllegalArgumentException(type + ": a state does not transition to itself: " + from);
            }
            String old = actions.computeIfAbsent(from, s -> new LinkedHashMap<>()).putIfAbsent(to, name);
            if (old != null && !old.equals(name)) {
                throw new IllegalArgumentException(type + ": " + from + " -> " + to + " is both " + old + " and " + name);
            }
        }

        public StateMachine<S> build() {
            if (initial.isEmpty()) {
                throw new IllegalStateException(type + " has no initial state");
            }
            return new StateMachine<>(this);
        }
    }
}
