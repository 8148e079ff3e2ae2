package cis.cli;

/** A command whose answers are dated events, so {@code --format ics} may write them as a calendar. */
interface WritesCalendar {}
