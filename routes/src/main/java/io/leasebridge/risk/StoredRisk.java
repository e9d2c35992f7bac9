package io.leasebridge.risk;

/** A lease's recovery risk as last sent to Salesforce, and how many times it has risen to HIGH. */
record StoredRisk(RiskLevel level, int score, String reasons, int highEpisodes) {

    /** A lease never assessed: LOW with nothing to say, which Salesforce shows as blank until it changes. */
    static final StoredRisk NONE = new StoredRisk(RiskLevel.LOW, 0, "", 0);

    boolean sameAs(RiskAssessment assessment) {
        return level == assessment.level() && score == assessment.score() && reasons.equals(assessment.summary());
    }
}
