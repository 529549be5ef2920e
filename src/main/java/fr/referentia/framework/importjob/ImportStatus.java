package fr.referentia.framework.importjob;

/** Where a background import stands. */
public enum ImportStatus { QUEUED, RUNNING, DONE, FAILED }
