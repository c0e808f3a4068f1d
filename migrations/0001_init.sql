-- uniondesk schema, version 1: organizations, members, mediation cases,
-- hardship aid, training, users. Money in fen (integers), dates ISO text.
-- Every table carries created_at, updated_at and version (optimistic locking).

CREATE TABLE orgs (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
    name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    kind            TEXT NOT NULL CHECK (kind IN ('district_federation', 'street_federation',
                        'community_federation', 'community_union', 'enterprise_union', 'joint_union')),
    parent_id       INTEGER REFERENCES orgs(id),
    credit_code     TEXT CHECK (credit_code IS NULL OR length(credit_code) = 18),
    chair           TEXT CHECK (chair IS NULL OR length(chair) <= 30),
    phone           TEXT CHECK (phone IS NULL OR length(phone) <= 23),
    address         TEXT CHECK (address IS NULL OR length(address) <= 100),
    established_on  TEXT CHECK (established_on IS NULL OR date(established_on) = established_on),
    units_covered   INTEGER NOT NULL DEFAULT 0 CHECK (units_covered >= 0),
    staff_count     INTEGER NOT NULL DEFAULT 0 CHECK (staff_count >= 0),
    status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved')),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    version         INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    -- the district federation is the one root of the tree
    CHECK ((kind = 'district_federation') = (parent_id IS NULL)),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX orgs_parent ON orgs(parent_id);
CREATE INDEX orgs_name ON orgs(name);
CREATE INDEX orgs_kind ON orgs(kind);

CREATE TABLE members (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
    gender           TEXT NOT NULL CHECK (gender IN ('M', 'F')),
    id_number        TEXT NOT NULL UNIQUE CHECK (length(id_number) = 18),
    birth_date       TEXT NOT NULL CHECK (date(birth_date) = birth_date),
    ethnicity        TEXT CHECK (ethnicity IS NULL OR length(ethnicity) <= 20),
    education        TEXT CHECK (education IS NULL OR education IN ('primary', 'junior', 'senior',
                         'college', 'bachelor', 'postgraduate')),
    political_status TEXT CHECK (political_status IS NULL OR political_status IN ('party_member',
                         'probationary', 'league_member', 'democratic_party', 'masses')),
    hukou_type       TEXT CHECK (hukou_type IS NULL OR hukou_type IN ('urban', 'rural')),
    phone            TEXT CHECK (phone IS NULL OR length(phone) <= 23),
    org_id           INTEGER NOT NULL REFERENCES orgs(id),
    join_date        TEXT CHECK (join_date IS NULL OR date(join_date) = join_date),
    status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'transferred_out',
                         'withdrawn', 'deceased')),
    is_migrant       INTEGER NOT NULL DEFAULT 0 CHECK (is_migrant IN (0, 1)),
    job_title        TEXT CHECK (job_title IS NULL OR length(job_title) <= 30),
    card_no          TEXT UNIQUE CHECK (card_no IS NULL OR length(card_no) <= 30),
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    version          INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
);
-- name prefix search (range on the name), phone prefix, subtree counts
CREATE INDEX members_name ON members(name);
CREATE INDEX members_phone ON members(phone);
CREATE INDEX members_org ON members(org_id, status);

CREATE TABLE case_numbers (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL CHECK (last >= 0)
);

CREATE TABLE cases (
    id                      INTEGER PRIMARY KEY,
    case_no                 TEXT NOT NULL UNIQUE CHECK (length(case_no) BETWEEN 1 AND 32),
    mediation_org_id        INTEGER NOT NULL REFERENCES orgs(id),
    received_on             TEXT NOT NULL CHECK (date(received_on) = received_on),
    filed_on                TEXT CHECK (filed_on IS NULL OR
                                (date(filed_on) = filed_on AND filed_on >= received_on)),
    workers_count           INTEGER NOT NULL DEFAULT 1 CHECK (workers_count BETWEEN 1 AND 100000),
    applicant_name          TEXT NOT NULL CHECK (length(applicant_name) BETWEEN 1 AND 30),
    applicant_id_number     TEXT CHECK (applicant_id_number IS NULL OR length(applicant_id_number) = 18),
    applicant_phone         TEXT CHECK (applicant_phone IS NULL OR length(applicant_phone) <= 23),
    member_id               INTEGER REFERENCES members(id),
    employer_name           TEXT CHECK (employer_name IS NULL OR length(employer_name) <= 60),
    employer_credit_code    TEXT CHECK (employer_credit_code IS NULL OR length(employer_credit_code) = 18),
    employer_org_id         INTEGER REFERENCES orgs(id),
    dispute_type            TEXT NOT NULL CHECK (dispute_type IN ('wages', 'termination',
                                'social_insurance', 'work_injury', 'compensation', 'overtime',
                                'contract', 'other')),
    claim_fen               INTEGER NOT NULL DEFAULT 0 CHECK (claim_fen >= 0),
    agreed_fen              INTEGER CHECK (agreed_fen IS NULL OR agreed_fen >= 0),
    mediator                TEXT CHECK (mediator IS NULL OR length(mediator) <= 30),
    status                  TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'filed',
                                'mediating', 'succeeded', 'failed', 'withdrawn', 'not_accepted')),
    closed_on               TEXT CHECK (closed_on IS NULL OR (date(closed_on) = closed_on
                                AND closed_on >= coalesce(filed_on, received_on))),
    outcome                 TEXT CHECK (outcome IS NULL OR length(outcome) <= 500),
    referred_to_arbitration INTEGER NOT NULL DEFAULT 0 CHECK (referred_to_arbitration IN (0, 1)),
    created_at              TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    updated_at              TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    version                 INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    -- closed exactly when in a terminal state
    CHECK ((status IN ('succeeded', 'failed', 'withdrawn', 'not_accepted')) = (closed_on IS NOT NULL)),
    -- filed exactly when the case went through 受理
    CHECK (status NOT IN ('received', 'not_accepted') OR filed_on IS NULL),
    CHECK (status NOT IN ('filed', 'mediating', 'succeeded', 'failed') OR filed_on IS NOT NULL)
);
CREATE INDEX cases_filed ON cases(filed_on);
CREATE INDEX cases_received ON cases(received_on);
CREATE INDEX cases_closed ON cases(closed_on);
CREATE INDEX cases_status ON cases(status);
CREATE INDEX cases_org ON cases(mediation_org_id, filed_on);
CREATE INDEX cases_member ON cases(member_id);
CREATE INDEX cases_applicant ON cases(applicant_name);
CREATE INDEX cases_employer ON cases(employer_name);

CREATE TABLE case_events (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    login       TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('note', 'session', 'phone', 'visit', 'status')),
    from_status TEXT,
    to_status   TEXT,
    body        TEXT CHECK (body IS NULL OR length(body) <= 2000),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK ((kind = 'status') = (to_status IS NOT NULL))
);
CREATE INDEX case_events_case ON case_events(case_id, at);

CREATE TABLE aid_recipients (
    id                INTEGER PRIMARY KEY,
    member_id         INTEGER NOT NULL UNIQUE REFERENCES members(id),
    hardship_level    TEXT NOT NULL DEFAULT 'general' CHECK (hardship_level IN ('severe', 'serious', 'general')),
    hardship_category TEXT NOT NULL DEFAULT 'other' CHECK (hardship_category IN ('illness',
                          'disability', 'disaster', 'education', 'single_parent', 'unemployment',
                          'low_income', 'other')),
    household_size    INTEGER NOT NULL DEFAULT 1 CHECK (household_size BETWEEN 1 AND 30),
    income_fen        INTEGER CHECK (income_fen IS NULL OR income_fen >= 0),
    address           TEXT CHECK (address IS NULL OR length(address) <= 100),
    registered_on     TEXT NOT NULL CHECK (date(registered_on) = registered_on),
    status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'lifted')),
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    version           INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
);

CREATE TABLE aid_grants (
    id           INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES aid_recipients(id),
    program      TEXT NOT NULL CHECK (program IN ('send_warmth', 'education', 'medical_mutual',
                     'emergency', 'holiday', 'other')),
    amount_fen   INTEGER NOT NULL CHECK (amount_fen > 0),
    granted_on   TEXT NOT NULL CHECK (date(granted_on) = granted_on),
    fund_source  TEXT CHECK (fund_source IS NULL OR length(fund_source) <= 40),
    status       TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'paid', 'cancelled')),
    approved_by  TEXT,
    approved_on  TEXT CHECK (approved_on IS NULL OR date(approved_on) = approved_on),
    paid_on      TEXT CHECK (paid_on IS NULL OR (date(paid_on) = paid_on AND paid_on >= granted_on)),
    child_name   TEXT CHECK (child_name IS NULL OR length(child_name) <= 30),
    school       TEXT CHECK (school IS NULL OR length(school) <= 60),
    double_confirmed_by TEXT, -- the officer who allowed a second grant of a program in a year
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    version      INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CHECK ((status = 'paid') = (paid_on IS NOT NULL)),
    CHECK (status NOT IN ('approved', 'paid') OR approved_by IS NOT NULL)
);
CREATE INDEX aid_grants_date ON aid_grants(granted_on);
CREATE INDEX aid_grants_program ON aid_grants(program, granted_on);
CREATE INDEX aid_grants_recipient ON aid_grants(recipient_id, program, granted_on);

CREATE TABLE courses (
    id                  INTEGER PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
    title               TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
    category            TEXT NOT NULL CHECK (category IN ('cadre_intro', 'cadre_remedial',
                            'cadre_advanced', 'skills', 'academic', 'psych', 'other')),
    organizer_org_id    INTEGER REFERENCES orgs(id),
    starts_on           TEXT NOT NULL CHECK (date(starts_on) = starts_on),
    ends_on             TEXT CHECK (ends_on IS NULL OR (date(ends_on) = ends_on AND ends_on >= starts_on)),
    hours               INTEGER NOT NULL DEFAULT 0 CHECK (hours BETWEEN 0 AND 10000),
    location            TEXT CHECK (location IS NULL OR length(location) <= 60),
    capacity            INTEGER NOT NULL DEFAULT 0 CHECK (capacity BETWEEN 0 AND 100000),
    fee_fen             INTEGER NOT NULL DEFAULT 0 CHECK (fee_fen >= 0),
    member_discount_fen INTEGER NOT NULL DEFAULT 0 CHECK (member_discount_fen BETWEEN 0 AND fee_fen),
    created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    version             INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
);
CREATE INDEX courses_starts ON courses(starts_on);

CREATE TABLE enrolments (
    id             INTEGER PRIMARY KEY,
    course_id      INTEGER NOT NULL REFERENCES courses(id),
    member_id      INTEGER NOT NULL REFERENCES members(id),
    enrolled_on    TEXT NOT NULL CHECK (date(enrolled_on) = enrolled_on),
    attended       INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),
    completed      INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
    score          INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 100),
    certificate_no TEXT CHECK (certificate_no IS NULL OR length(certificate_no) <= 40),
    fee_paid_fen   INTEGER NOT NULL DEFAULT 0 CHECK (fee_paid_fen >= 0),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    UNIQUE (course_id, member_id),
    CHECK (completed = 0 OR attended = 1)
);
CREATE INDEX enrolments_member ON enrolments(member_id);

CREATE TABLE users (
    id           INTEGER PRIMARY KEY,
    login        TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 32),
    display_name TEXT CHECK (display_name IS NULL OR length(display_name) <= 30),
    role         TEXT NOT NULL CHECK (role IN ('clerk', 'officer', 'admin')),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
    version      INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
);
