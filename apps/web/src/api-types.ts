/**
 * Generated from openapi.json by openapi-typescript (`npm run openapi:generate`): do not edit. The web client's
 * REST types; `api()` (api.ts) takes its paths and answers with these.
 */
export interface paths {
    "/api/admin/coach-assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoachAssignmentsController_list"];
        put?: never;
        post: operations["CoachAssignmentsController_assign"];
        delete: operations["CoachAssignmentsController_unassign"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WaitlistController_listInvites"];
        put?: never;
        post: operations["WaitlistController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/invites/{entryId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["WaitlistController_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/rollout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RolloutController_status"];
        put: operations["RolloutController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/waitlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WaitlistController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/redeem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["WaitlistController_redeem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TranscriptsController_progress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ContentController_questions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/questions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ContentController_question"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/review/calibration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReviewController_calibration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/review/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReviewController_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/review/sessions/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ReviewController_correct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ContentController_roles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roles/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ContentController_role"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SessionsController_list"];
        put?: never;
        post: operations["SessionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SessionsController_get"];
        put?: never;
        post?: never;
        delete: operations["TranscriptsController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/code-timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SessionsController_codeTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/diagram": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SessionsController_latestDiagram"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/diagram-timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SessionsController_diagramTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/diagram-timeline/{snapshotId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SessionsController_diagramSnapshot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/diagram.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SessionsController_diagramSvg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TranscriptsController_dispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/transcript": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TranscriptsController_transcript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/waitlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["WaitlistController_signUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/waitlist/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WaitlistController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccessToken: {
            accessToken: string;
            expiresIn: number;
        };
        Calibration: {
            answers: number;
            groups: {
                answers: number;
                dimensions: {
                    exact: number | null;
                    id: string;
                    kappa: number | null;
                    kappaNote?: string;
                    n: number;
                    title: string;
                    withinOne: number | null;
                }[];
                grader: string;
                keyPoints: {
                    agreement: number | null;
                    disagreements: number;
                    n: number;
                };
                model: string | null;
                pooled: {
                    exact: number | null;
                    kappa: number | null;
                    kappaNote?: string;
                    n: number;
                    withinOne: number | null;
                };
                promptVersion: string;
            }[];
            /** @enum {string} */
            scope: "own" | "all";
            sessions: number;
        };
        CandidateQuestion: {
            answerFramework: string;
            /** @enum {string} */
            difficulty: "medium" | "hard" | "very-hard";
            readonly howToAnswer: string[];
            id: string;
            readonly keyTerminology: string[];
            /** @enum {string} */
            kind: "system-design";
            readonly phases: string[];
            prompt: string;
            role: string;
            title: string;
            readonly topics: string[];
            version: string;
        } | {
            answerFramework: string;
            /** @enum {string} */
            comparison: "exact" | "unordered";
            readonly constraints: string[];
            /** @enum {string} */
            difficulty: "medium" | "hard" | "very-hard";
            readonly howToAnswer: string[];
            id: string;
            readonly keyTerminology: string[];
            /** @enum {string} */
            kind: "coding";
            readonly phases: string[];
            prompt: string;
            role: string;
            signature: {
                entryPoint: {
                    go?: string;
                    java?: string;
                    javascript: string;
                    python: string;
                };
                params: {
                    description: string;
                    name: string;
                    type: string;
                }[];
                returns: {
                    description: string;
                    type: string;
                };
            };
            starterCode: {
                go?: string;
                java?: string;
                javascript: string;
                python: string;
            };
            title: string;
            readonly topics: string[];
            version: string;
            readonly visibleTests: {
                args: unknown[];
                expected: unknown;
                name: string;
            }[];
        } | {
            answerFramework: string;
            /** @enum {string} */
            difficulty: "medium" | "hard" | "very-hard";
            readonly howToAnswer: string[];
            id: string;
            readonly keyTerminology: string[];
            /** @enum {string} */
            kind: "behavioral";
            readonly phases: string[];
            prompt: string;
            role: string;
            star: {
                action: string;
                result: string;
                situation: string;
                task: string;
            };
            title: string;
            readonly topics: string[];
            version: string;
        };
        CoachAssignment: {
            /** @description ISO 8601 date-time */
            assignedAt: string;
            candidateId: string;
            coachId: string;
        };
        CoachAssignmentRow: {
            /** @description ISO 8601 date-time */
            assignedAt: string;
            candidateEmail: string;
            candidateId: string;
            coachEmail: string;
            coachId: string;
        };
        CodeComplexityFacts: {
            confident: boolean;
            contradicts: boolean;
            measured: ("O(1)" | "O(log n)" | "O(n)" | "O(n log n)" | "O(n²)" | "worse") | null;
            note: string;
            operation: string;
            /** @enum {string} */
            per: "operation" | "call";
            points: {
                ms: number;
                n: number;
            }[];
            /** @enum {string} */
            required: "O(1)" | "O(log n)" | "O(n)" | "O(n log n)" | "O(n²)" | "worse";
            summary: string;
        };
        CodeCustomRun: {
            args: unknown[];
            error?: string;
            returned: boolean;
            stderr?: string;
            stdout?: string;
            timeMs?: number;
            value?: unknown;
        };
        CodeQualityFacts: {
            deadCode: string[];
            duplicatedLines: number;
            findings: string[];
            functions: {
                line: number;
                lines: number;
                maxDepth: number;
                name: string;
            }[];
            longestFunction: {
                lines: number;
                name: string;
            } | null;
            maxNesting: number;
            namingIssues: string[];
            score: 1 | 2 | 3 | 4;
        };
        CodeReportSection: {
            code: string;
            complexity?: components["schemas"]["CodeComplexityFacts"];
            factsMissing?: string[];
            hidden: {
                passed: number;
                total: number;
            };
            language: string;
            quality?: components["schemas"]["CodeQualityFacts"];
            snapshots: number;
            status: string | null;
            tests: components["schemas"]["CodeTestResult"][];
            timeline: {
                at: string;
                hidden: {
                    passed: number;
                    total: number;
                } | null;
                /** @enum {string} */
                kind: "run" | "submit";
                status: string | null;
                visible: {
                    passed: number;
                    total: number;
                } | null;
            }[];
            visible: {
                passed: number;
                total: number;
            };
        };
        CodeTestResult: {
            actual?: unknown;
            error?: string;
            expected?: unknown;
            hidden: boolean;
            input?: unknown[];
            name: string;
            passed: boolean;
            stderr?: string;
            stdout?: string;
            timeMs?: number;
        };
        CodeTimeline: {
            entries: ({
                /** @description ISO 8601 date-time */
                at: string;
                code: string;
                language: string;
                offsetMs: number;
                phaseId: string;
                snapshotId: string;
                /** @enum {string} */
                type: "snapshot";
            } | {
                /** @description ISO 8601 date-time */
                at: string;
                finishedAt: string | null;
                input?: string;
                /** @enum {string} */
                kind: "run" | "submit";
                offsetMs: number;
                phaseId: string;
                result: {
                    compileError?: string;
                    custom?: components["schemas"]["CodeCustomRun"];
                    errorCode?: string;
                    facts?: {
                        complexity: components["schemas"]["CodeComplexityFacts"] | null;
                        missing: string[];
                        quality: components["schemas"]["CodeQualityFacts"] | null;
                    };
                    hidden: {
                        passed: number;
                        total: number;
                    };
                    message?: string;
                    /** @enum {string} */
                    status: "PASSED" | "FAILED" | "COMPILE_ERROR" | "RUNTIME_ERROR" | "TIMEOUT" | "MEMORY_LIMIT" | "OUTPUT_LIMIT";
                    stderr?: string;
                    stdout?: string;
                    tests: components["schemas"]["CodeTestResult"][];
                    visible: {
                        passed: number;
                        total: number;
                    };
                    wallMs?: number;
                } | null;
                runId: string;
                snapshotId: string;
                /** @enum {string} */
                state: "queued" | "running" | "done";
                /** @enum {string} */
                type: "run";
            })[];
            sessionId: string;
            /** @description ISO 8601 date-time */
            startedAt: string;
        };
        Correction: {
            /** @description ISO 8601 date-time */
            at: string;
            coachId: string | null;
            id: string;
            itemId: string;
            /** @enum {string} */
            kind: "dimension" | "key_point";
            reason: string;
            turnId: string | null;
            value: string;
            version: number;
        };
        CorrectionStamp: {
            /** @description ISO 8601 date-time */
            at: string;
            coachId: string | null;
            reason: string;
            version: number;
        };
        DiagramExport: {
            finalGraph: components["schemas"]["DiagramGraph"] | null;
            finalSnapshotId: string | null;
            finalSvg: string | null;
            snapshots: components["schemas"]["DiagramTimelineEntry"][];
        };
        DiagramGraph: {
            boundaries: {
                id: string;
                /** @enum {string} */
                kind: "group" | "frame";
                label: string | null;
                nodeIds: string[];
            }[];
            edges: {
                bidirectional: boolean;
                from: string;
                id: string;
                label: string | null;
                to: string;
                /** @enum {string} */
                via: "bound" | "inferred";
            }[];
            flagged: {
                elementId: string;
                kinds: string[];
            }[];
            looseArrows: {
                from: string | null;
                id: string;
                label: string | null;
                to: string | null;
            }[];
            nodes: {
                boundaryIds: string[];
                category: string;
                id: string;
                label: string | null;
                matched?: string;
                shape: string;
            }[];
            notes: {
                boundaryIds: string[];
                id: string;
                text: string;
            }[];
        };
        DiagramSnapshot: {
            /** @description ISO 8601 date-time */
            at: string;
            clientId: string;
            elementCount: number;
            graph: components["schemas"]["DiagramGraph"];
            phaseId: string;
            phaseTitle: string;
            scene: {
                appState?: {
                    [key: string]: unknown;
                };
                elements: ({
                    angle?: number;
                    boundElements?: ({
                        id: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    })[] | null;
                    containerId?: string | null;
                    endBinding?: ({
                        elementId: string;
                    } & {
                        [key: string]: unknown;
                    }) | null;
                    frameId?: string | null;
                    groupIds?: string[];
                    height: number;
                    id: string;
                    isDeleted?: boolean;
                    link?: string | null;
                    name?: string | null;
                    originalText?: string;
                    points?: unknown[];
                    startBinding?: ({
                        elementId: string;
                    } & {
                        [key: string]: unknown;
                    }) | null;
                    text?: string;
                    /** @enum {string} */
                    type: "rectangle" | "ellipse" | "diamond" | "text" | "arrow" | "line" | "freedraw" | "frame";
                    width: number;
                    x: number;
                    y: number;
                } & {
                    [key: string]: unknown;
                })[];
                files?: Record<string, never>;
                /** @enum {string} */
                type?: "excalidraw";
                version?: number;
            } & {
                [key: string]: unknown;
            };
            seq: number;
            sessionId: string;
            snapshotId: string;
        };
        DiagramTimeline: {
            sessionId: string;
            snapshots: components["schemas"]["DiagramTimelineEntry"][];
            /** @description ISO 8601 date-time */
            startedAt: string;
        };
        DiagramTimelineEntry: {
            /** @description ISO 8601 date-time */
            at: string;
            elementCount: number;
            graph: {
                edges: number;
                nodes: number;
            };
            offsetMs: number;
            phaseId: string;
            phaseTitle: string;
            seq: number;
            snapshotId: string;
        };
        Dispute: {
            /** @description ISO 8601 date-time */
            at: string;
            comment: string;
            id: string;
            resolvedAt: string | null;
            sessionId: string;
            turnId: string | null;
        };
        ErrorBody: {
            error: {
                /** @enum {string} */
                code: "INVALID_PAYLOAD" | "UNAUTHENTICATED" | "INVALID_CREDENTIALS" | "ACCOUNT_DISABLED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "SESSION_NOT_FOUND" | "SESSION_ENDED" | "ANSWER_TOO_LONG" | "TURN_NOT_FOUND" | "CAPACITY_FULL" | "DAILY_LIMIT" | "BUDGET_EXHAUSTED" | "EARLY_ACCESS_REQUIRED" | "INVITE_INVALID" | "INVITE_USED" | "INVITE_EXPIRED" | "CODE_TOO_LONG" | "NOT_A_CODING_SESSION" | "NO_CODE" | "CODE_INPUT_TOO_LONG" | "INVALID_CODE_INPUT" | "DIAGRAM_TOO_LARGE" | "NOT_A_DESIGN_SESSION" | "SNAPSHOT_NOT_FOUND" | "NOT_READY" | "UNAVAILABLE" | "INTERNAL";
                details?: {
                    [key: string]: unknown;
                };
                message: string;
                requestId?: string;
                retryable: boolean;
            };
        };
        Grade: {
            dimensions: {
                id: string;
                reason: string;
                score: number;
            }[];
            feedback: {
                improvements: string[];
                nextToStudy: string[];
                strengths: string[];
            };
            flags: ("injection_suspected" | "off_topic" | "non_answer" | "keyword_stuffing" | "low_confidence")[];
            keyPoints: {
                diagramEvidence?: {
                    elements: {
                        category?: string;
                        id: string;
                        /** @enum {string} */
                        kind: "node" | "edge";
                        label: string | null;
                    }[];
                    /** @enum {string} */
                    source: "diagram";
                    text: string;
                }[];
                evidence: string[];
                id: string;
                note?: string;
                /** @enum {string} */
                status: "covered" | "partial" | "missed";
            }[];
            mistakes: {
                diagramEvidence?: {
                    elements: {
                        category?: string;
                        id: string;
                        /** @enum {string} */
                        kind: "node" | "edge";
                        label: string | null;
                    }[];
                    /** @enum {string} */
                    source: "diagram";
                    text: string;
                }[];
                evidence: string[];
                id: string;
                /** @enum {string} */
                status: "present" | "absent";
            }[];
            overall: number;
            phaseId: string;
            provenance: components["schemas"]["GradeProvenance"];
            questionId: string;
        };
        GradeProvenance: {
            fallback?: {
                /** @enum {string} */
                from: "rubric" | "openai";
                reason: string;
            };
            /** @enum {string} */
            grader: "rubric" | "openai";
            latencyMs: number;
            model: string | null;
            promptVersion: string;
            rubricVersion: string;
            tokens: {
                cached: number;
                completion: number;
                prompt: number;
            };
        };
        Invite: {
            cohort: string;
            /** @description ISO 8601 date-time */
            createdAt: string;
            email: string;
            entryId: string;
            /** @description ISO 8601 date-time */
            expiresAt: string;
            mail: {
                lastError: string | null;
                sentAt: string | null;
                /** @enum {string} */
                status: "pending" | "sending" | "sent" | "failed" | "none";
                transport: string | null;
            };
            redeemedAt: string | null;
            /** @enum {string} */
            state: "pending" | "redeemed" | "expired";
        };
        InviteBatch: {
            cohort: string;
            /** @description ISO 8601 date-time */
            expiresAt: string;
            invited: {
                email: string;
                entryId: string;
                link?: string;
            }[];
            skipped: {
                email: string;
                reason: string;
            }[];
        };
        InviteResent: {
            /** @enum {string} */
            delivery: "smtp" | "log";
            email: string;
            entryId: string;
            /** @description ISO 8601 date-time */
            expiresAt: string;
            link?: string;
        };
        LatestDiagram: {
            latest: {
                /** @description ISO 8601 date-time */
                at: string;
                clientId: string;
                graph: components["schemas"]["DiagramGraph"];
                phaseId: string;
                scene: {
                    appState?: {
                        [key: string]: unknown;
                    };
                    elements: ({
                        angle?: number;
                        boundElements?: ({
                            id: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        })[] | null;
                        containerId?: string | null;
                        endBinding?: ({
                            elementId: string;
                        } & {
                            [key: string]: unknown;
                        }) | null;
                        frameId?: string | null;
                        groupIds?: string[];
                        height: number;
                        id: string;
                        isDeleted?: boolean;
                        link?: string | null;
                        name?: string | null;
                        originalText?: string;
                        points?: unknown[];
                        startBinding?: ({
                            elementId: string;
                        } & {
                            [key: string]: unknown;
                        }) | null;
                        text?: string;
                        /** @enum {string} */
                        type: "rectangle" | "ellipse" | "diamond" | "text" | "arrow" | "line" | "freedraw" | "frame";
                        width: number;
                        x: number;
                        y: number;
                    } & {
                        [key: string]: unknown;
                    })[];
                    files?: Record<string, never>;
                    /** @enum {string} */
                    type?: "excalidraw";
                    version?: number;
                } & {
                    [key: string]: unknown;
                };
                seq: number;
                snapshotId: string;
            } | null;
            sessionId: string;
        };
        PhaseView: {
            count: number;
            id: string;
            index: number;
            title: string;
        };
        Progress: {
            dimensionTitles: {
                [key: string]: string;
            };
            mostMissed: {
                keyPointId: string;
                missed: number;
                of: number;
                questionId: string;
                text: string;
            }[];
            overallSeries: {
                /** @description ISO 8601 date-time */
                at: string;
                overall: number;
                sessionId: string;
            }[];
            series: {
                [key: string]: {
                    /** @description ISO 8601 date-time */
                    at: string;
                    score: number;
                    sessionId: string;
                }[];
            };
            sessions: {
                complete: boolean;
                corrected: boolean;
                dimensions: {
                    [key: string]: number | null;
                };
                /** @description ISO 8601 date-time */
                endedAt: string;
                mode: string;
                overall: number | null;
                questionId: string;
                sessionId: string;
                /** @description ISO 8601 date-time */
                startedAt: string;
            }[];
            streak: {
                current: number;
                lastDay: string | null;
                longest: number;
            };
        };
        Question: {
            answerFramework: string;
            commonMistakes: {
                dimension: string;
                id: string;
                phase?: string;
                /** @enum {string} */
                severity: "minor" | "major";
                shows: {
                    appliesWhen?: string[];
                    signals: {
                        concepts: {
                            id: string;
                            terms: string[];
                        }[];
                        minConcepts: number;
                        required?: string[];
                        requireReasoning: boolean;
                    };
                    /** @enum {string} */
                    type: "absent-topic";
                } | {
                    patterns: {
                        allOf: string[][];
                        unless?: string[];
                    }[];
                    /** @enum {string} */
                    type: "wrong-claim";
                };
                text: string;
            }[];
            diagram?: {
                checks?: {
                    /** @enum {string} */
                    id: "client-to-database" | "single-stateful-write-path" | "queue-without-consumer-group";
                    keyPoint?: string;
                    message: string;
                    mistake?: string;
                }[];
                components?: {
                    /** @enum {string} */
                    category: "client" | "cdn" | "load-balancer" | "gateway" | "service" | "worker" | "queue" | "database" | "cache" | "object-store" | "search" | "unknown";
                    keyPoint: string;
                }[];
                flows?: {
                    keyPoint: string;
                    path: (("client" | "cdn" | "load-balancer" | "gateway" | "service" | "worker" | "queue" | "database" | "cache" | "object-store" | "search" | "unknown") | ("client" | "cdn" | "load-balancer" | "gateway" | "service" | "worker" | "queue" | "database" | "cache" | "object-store" | "search" | "unknown")[])[];
                }[];
            };
            /** @enum {string} */
            difficulty: "medium" | "hard" | "very-hard";
            howToAnswer: string[];
            id: string;
            interviewersLookFor: {
                id: string;
                text: string;
            }[];
            keyPoints: {
                claimsComplexity?: boolean;
                dimension: string;
                explanation?: string;
                id: string;
                phase: string;
                practice?: string;
                probe: string;
                probes?: {
                    id: string;
                    text: string;
                    when?: {
                        board?: ("client-to-database" | "single-stateful-write-path" | "queue-without-consumer-group")[];
                        notSaid?: string[];
                        said?: string[];
                    };
                }[];
                references?: {
                    source: string;
                    title: string;
                }[];
                signals: {
                    concepts: {
                        id: string;
                        terms: string[];
                    }[];
                    minConcepts: number;
                    required?: string[];
                    requireReasoning: boolean;
                };
                text: string;
                weight: number;
            }[];
            keyTerminology: string[];
            /** @enum {string} */
            kind: "system-design";
            phases: {
                dimensions: string[];
                id: string;
            }[];
            prompt: string;
            referenceAnswer: string;
            role: string;
            scenario: {
                facts: {
                    answer: string;
                    fromPrompt?: boolean;
                    id: string;
                    terms: string[];
                    /** @enum {string} */
                    topic: "scale" | "traffic" | "data" | "latency" | "availability" | "consistency" | "durability" | "compliance" | "security" | "budget" | "stack" | "clients" | "scope" | "input" | "output" | "edge-cases" | "language" | "context";
                }[];
            };
            title: string;
            topics: string[];
            version: string;
        } | {
            answerFramework: string;
            commonMistakes: {
                dimension: string;
                id: string;
                phase?: string;
                /** @enum {string} */
                severity: "minor" | "major";
                shows: {
                    appliesWhen?: string[];
                    signals: {
                        concepts: {
                            id: string;
                            terms: string[];
                        }[];
                        minConcepts: number;
                        required?: string[];
                        requireReasoning: boolean;
                    };
                    /** @enum {string} */
                    type: "absent-topic";
                } | {
                    patterns: {
                        allOf: string[][];
                        unless?: string[];
                    }[];
                    /** @enum {string} */
                    type: "wrong-claim";
                };
                text: string;
            }[];
            /** @enum {string} */
            comparison: "exact" | "unordered";
            constraints: string[];
            /** @enum {string} */
            difficulty: "medium" | "hard" | "very-hard";
            howToAnswer: string[];
            id: string;
            interviewersLookFor: {
                id: string;
                text: string;
            }[];
            keyPoints: {
                claimsComplexity?: boolean;
                dimension: string;
                explanation?: string;
                id: string;
                phase: string;
                practice?: string;
                probe: string;
                probes?: {
                    id: string;
                    text: string;
                    when?: {
                        board?: ("client-to-database" | "single-stateful-write-path" | "queue-without-consumer-group")[];
                        notSaid?: string[];
                        said?: string[];
                    };
                }[];
                references?: {
                    source: string;
                    title: string;
                }[];
                signals: {
                    concepts: {
                        id: string;
                        terms: string[];
                    }[];
                    minConcepts: number;
                    required?: string[];
                    requireReasoning: boolean;
                };
                text: string;
                weight: number;
            }[];
            keyTerminology: string[];
            /** @enum {string} */
            kind: "coding";
            phases: {
                dimensions: string[];
                id: string;
            }[];
            prompt: string;
            referenceAnswer: string;
            referenceSolution: {
                go?: string;
                java?: string;
                javascript: string;
                python: string;
            };
            role: string;
            scaling?: {
                /** @enum {string} */
                input: "lru-operations" | "maintenance-windows" | "session-intervals" | "rate-limit-requests" | "task-graph" | "endpoint-log" | "versioned-operations";
                operation: string;
                /** @enum {string} */
                per: "operation" | "call";
                /** @enum {string} */
                required: "O(1)" | "O(log n)" | "O(n)" | "O(n log n)" | "O(n²)" | "worse";
                sizes: {
                    javascript: number[];
                    python: number[];
                };
            };
            scenario: {
                facts: {
                    answer: string;
                    fromPrompt?: boolean;
                    id: string;
                    terms: string[];
                    /** @enum {string} */
                    topic: "scale" | "traffic" | "data" | "latency" | "availability" | "consistency" | "durability" | "compliance" | "security" | "budget" | "stack" | "clients" | "scope" | "input" | "output" | "edge-cases" | "language" | "context";
                }[];
            };
            signature: {
                entryPoint: {
                    go?: string;
                    java?: string;
                    javascript: string;
                    python: string;
                };
                params: {
                    description: string;
                    name: string;
                    type: string;
                }[];
                returns: {
                    description: string;
                    type: string;
                };
            };
            starterCode: {
                go?: string;
                java?: string;
                javascript: string;
                python: string;
            };
            tests: {
                hidden: {
                    args: unknown[];
                    expected: unknown;
                    name: string;
                }[];
                visible: {
                    args: unknown[];
                    expected: unknown;
                    name: string;
                }[];
            };
            title: string;
            topics: string[];
            version: string;
        } | {
            answerFramework: string;
            commonMistakes: {
                dimension: string;
                id: string;
                phase?: string;
                /** @enum {string} */
                severity: "minor" | "major";
                shows: {
                    appliesWhen?: string[];
                    signals: {
                        concepts: {
                            id: string;
                            terms: string[];
                        }[];
                        minConcepts: number;
                        required?: string[];
                        requireReasoning: boolean;
                    };
                    /** @enum {string} */
                    type: "absent-topic";
                } | {
                    patterns: {
                        allOf: string[][];
                        unless?: string[];
                    }[];
                    /** @enum {string} */
                    type: "wrong-claim";
                };
                text: string;
            }[];
            /** @enum {string} */
            difficulty: "medium" | "hard" | "very-hard";
            howToAnswer: string[];
            id: string;
            interviewersLookFor: {
                id: string;
                text: string;
            }[];
            keyPoints: {
                claimsComplexity?: boolean;
                dimension: string;
                explanation?: string;
                id: string;
                phase: string;
                practice?: string;
                probe: string;
                probes?: {
                    id: string;
                    text: string;
                    when?: {
                        board?: ("client-to-database" | "single-stateful-write-path" | "queue-without-consumer-group")[];
                        notSaid?: string[];
                        said?: string[];
                    };
                }[];
                references?: {
                    source: string;
                    title: string;
                }[];
                signals: {
                    concepts: {
                        id: string;
                        terms: string[];
                    }[];
                    minConcepts: number;
                    required?: string[];
                    requireReasoning: boolean;
                };
                text: string;
                weight: number;
            }[];
            keyTerminology: string[];
            /** @enum {string} */
            kind: "behavioral";
            phases: {
                dimensions: string[];
                id: string;
            }[];
            prompt: string;
            referenceAnswer: string;
            role: string;
            scenario: {
                facts: {
                    answer: string;
                    fromPrompt?: boolean;
                    id: string;
                    terms: string[];
                    /** @enum {string} */
                    topic: "scale" | "traffic" | "data" | "latency" | "availability" | "consistency" | "durability" | "compliance" | "security" | "budget" | "stack" | "clients" | "scope" | "input" | "output" | "edge-cases" | "language" | "context";
                }[];
            };
            star: {
                action: {
                    expected: string[];
                    prompt: string;
                };
                result: {
                    expected: string[];
                    prompt: string;
                };
                situation: {
                    expected: string[];
                    prompt: string;
                };
                task: {
                    expected: string[];
                    prompt: string;
                };
            };
            title: string;
            topics: string[];
            version: string;
        };
        QuestionListItem: {
            /** @enum {string} */
            difficulty: "medium" | "hard" | "very-hard";
            id: string;
            /** @enum {string} */
            kind: "system-design" | "coding" | "behavioral";
            role: string;
            title: string;
            topics: string[];
        };
        ReviewedGrade: {
            dimensions: {
                ai: {
                    reason: string;
                    score: number;
                };
                corrected?: {
                    score: number;
                };
                correction?: components["schemas"]["CorrectionStamp"];
                id: string;
                title: string;
            }[];
            feedback: {
                improvements: string[];
                nextToStudy: string[];
                strengths: string[];
            };
            flags: ("injection_suspected" | "off_topic" | "non_answer" | "keyword_stuffing" | "low_confidence")[];
            keyPoints: {
                ai: {
                    diagramEvidence?: {
                        elements: {
                            category?: string;
                            id: string;
                            /** @enum {string} */
                            kind: "node" | "edge";
                            label: string | null;
                        }[];
                        /** @enum {string} */
                        source: "diagram";
                        text: string;
                    }[];
                    evidence: string[];
                    /** @enum {string} */
                    status: "covered" | "partial" | "missed";
                };
                corrected?: {
                    /** @enum {string} */
                    status: "covered" | "partial" | "missed";
                };
                correction?: components["schemas"]["CorrectionStamp"];
                id: string;
                text: string;
            }[];
            mistakes: {
                diagramEvidence?: {
                    elements: {
                        category?: string;
                        id: string;
                        /** @enum {string} */
                        kind: "node" | "edge";
                        label: string | null;
                    }[];
                    /** @enum {string} */
                    source: "diagram";
                    text: string;
                }[];
                evidence: string[];
                id: string;
                /** @enum {string} */
                status: "present" | "absent";
            }[];
            overall: {
                ai: number;
                corrected?: number;
            };
            provenance: components["schemas"]["GradeProvenance"];
        };
        ReviewedReport: {
            ai: components["schemas"]["SessionReport"];
            corrected: components["schemas"]["SessionReport"] | null;
            dimensions: {
                ai: number | null;
                corrected?: number | null;
                correction?: components["schemas"]["CorrectionStamp"];
                id: string;
                title: string;
            }[];
            keyPoints: {
                /** @enum {string} */
                ai: "covered" | "partial" | "missed";
                /** @enum {string} */
                corrected?: "covered" | "partial" | "missed";
                correction?: components["schemas"]["CorrectionStamp"];
                id: string;
                text: string;
            }[];
            overall: {
                ai: number | null;
                corrected?: number | null;
            };
        };
        ReviewQueueRow: {
            candidateEmail: string;
            candidateId: string;
            /** @description ISO 8601 date-time */
            endedAt: string;
            flagReasons: {
                answers: number;
                flag: string;
                reason: string;
            }[];
            flags: string[];
            mode: string;
            openDisputes: number;
            questionId: string;
            questionTitle: string;
            reviewedAt: string | null;
            sessionId: string;
        };
        ReviewResult: {
            annotations: {
                /** @description ISO 8601 date-time */
                at: string;
                coachId: string | null;
                comment: string;
                id: string;
                turnId: string;
            }[];
            corrections: components["schemas"]["Correction"][];
            review: {
                coachId: string | null;
                /** @description ISO 8601 date-time */
                completedAt: string;
            } | null;
        };
        RoleGuide: {
            assessmentMix: {
                /** @enum {string} */
                kind: "system-design" | "coding" | "behavioral";
                label: string;
                percent: number;
            }[];
            category: string;
            commonMistakes: {
                id: string;
                text: string;
            }[];
            coreSkills: string[];
            demand: {
                label: string;
                /** @enum {string} */
                level: "low" | "medium" | "high";
            };
            difficulty: {
                label: string;
                /** @enum {number} */
                outOf: 10;
                score: number;
            };
            essentialTopics: string[];
            focusAreas: string[];
            interviewDna: {
                difficulty: string;
                interviewStructure: string;
                primaryFocus: string[];
                recommendedPrepTime: string;
                skillModules: {
                    methodologies: string[];
                    softSkills: string[];
                    technicalSkills: string[];
                    toolsAndPlatforms: string[];
                };
            };
            interviewersLookFor: {
                id: string;
                text: string;
            }[];
            keyStage: string;
            preparationStrategy: string[];
            salaryRange: {
                currency: string;
                max: number;
                min: number;
                /** @enum {string} */
                period: "annual" | "monthly";
            };
            sessions: {
                behavioral: {
                    description: string;
                    dimensions: {
                        description: string;
                        descriptors: {
                            1: string;
                            2: string;
                            3: string;
                            4: string;
                        };
                        id: string;
                        title: string;
                        weight: number;
                    }[];
                    phases: {
                        checklist: {
                            id: string;
                            probes: string[];
                            terms: string[];
                            text: string;
                        }[];
                        description: string;
                        id: string;
                        maxMinutes: number;
                        minMinutes: number;
                        openingPrompt: string;
                        title: string;
                    }[];
                    title: string;
                };
                coding: {
                    description: string;
                    dimensions: {
                        description: string;
                        descriptors: {
                            1: string;
                            2: string;
                            3: string;
                            4: string;
                        };
                        id: string;
                        title: string;
                        weight: number;
                    }[];
                    phases: {
                        checklist: {
                            id: string;
                            probes: string[];
                            terms: string[];
                            text: string;
                        }[];
                        description: string;
                        id: string;
                        maxMinutes: number;
                        minMinutes: number;
                        openingPrompt: string;
                        title: string;
                    }[];
                    title: string;
                };
                "system-design": {
                    description: string;
                    dimensions: {
                        description: string;
                        descriptors: {
                            1: string;
                            2: string;
                            3: string;
                            4: string;
                        };
                        id: string;
                        title: string;
                        weight: number;
                    }[];
                    phases: {
                        checklist: {
                            id: string;
                            probes: string[];
                            terms: string[];
                            text: string;
                        }[];
                        description: string;
                        id: string;
                        maxMinutes: number;
                        minMinutes: number;
                        openingPrompt: string;
                        title: string;
                    }[];
                    title: string;
                };
            };
            slug: string;
            stages: {
                description: string;
                id: string;
                minutes: number;
                name: string;
            }[];
            summary: string;
            title: string;
            trend: string;
            version: string;
        };
        RolloutSettings: {
            dailyTokenBudget: number;
            maxLiveSessions: number;
            sessionsPerUserPerDay: number;
            /** @enum {string} */
            source: "config" | "admin";
            updatedAt: string | null;
            updatedBy: string | null;
        };
        RolloutStatus: {
            settings: components["schemas"]["RolloutSettings"];
            usage: {
                day: string;
                liveSessions: number;
                tokensToday: number;
            };
        };
        SessionDetail: {
            report: components["schemas"]["SessionReport"] | null;
            state: components["schemas"]["SessionState"];
            transcript: components["schemas"]["SessionTurn"][];
        };
        SessionReport: {
            answers: {
                failed: number;
                graded: number;
            };
            code?: components["schemas"]["CodeReportSection"];
            complete?: boolean;
            coverage?: number;
            dimensions: {
                comment?: string | null;
                descriptor: string | null;
                id: string;
                score: number | null;
                title: string;
                weight: number;
            }[];
            flags: string[];
            interviewersLookFor: {
                id: string;
                text: string;
            }[];
            keyPoints: {
                diagramEvidence?: {
                    elements: {
                        category?: string;
                        id: string;
                        /** @enum {string} */
                        kind: "node" | "edge";
                        label: string | null;
                    }[];
                    /** @enum {string} */
                    source: "diagram";
                    text: string;
                }[];
                evidence: string[];
                id: string;
                /** @enum {string} */
                status: "covered" | "partial" | "missed";
                text: string;
            }[];
            mistakes: {
                diagramEvidence?: {
                    elements: {
                        category?: string;
                        id: string;
                        /** @enum {string} */
                        kind: "node" | "edge";
                        label: string | null;
                    }[];
                    /** @enum {string} */
                    source: "diagram";
                    text: string;
                }[];
                evidence: string[];
                id: string;
                text: string;
            }[];
            /** @enum {string} */
            mode: "practice" | "realistic";
            modelAnswer?: {
                answerFramework: string;
                referenceAnswer: string;
            };
            overall: number | null;
            provenance?: {
                graders: string[];
                promptVersions: string[];
                rubricVersions: string[];
            };
            questionId: string;
            questionTitle?: string;
            sessionId: string;
            studyNext: string[];
            studyPlan?: components["schemas"]["StudyPlanItem"][];
        };
        SessionState: {
            endedAt: string | null;
            id: string;
            lastSeq: number;
            /** @enum {string} */
            mode: "practice" | "realistic";
            phase: components["schemas"]["PhaseView"];
            phaseEndsAt: string;
            phases: {
                id: string;
                minutes: number;
                title: string;
            }[];
            questionId: string;
            startedAt: string;
            /** @enum {string} */
            status: "active" | "ended";
        };
        SessionTurn: {
            /** @description ISO 8601 date-time */
            at: string;
            clientId?: string;
            factIds?: string[];
            grading?: {
                failureCode?: string;
                grade?: components["schemas"]["Grade"];
                /** @enum {string} */
                status: "queued" | "grading" | "delayed" | "scored" | "failed";
            };
            keyPointId?: string;
            /** @enum {string} */
            kind?: "answer" | "question" | "move-on" | "dont-know";
            phaseId: string;
            reason?: string;
            replyTo?: string;
            seq: number;
            /** @enum {string} */
            speaker: "candidate" | "interviewer";
            text: string;
            turnId: string;
        };
        SignUpResult: {
            /** @enum {string} */
            status: "received";
        };
        StudyPlanItem: {
            explanation?: string;
            keyPointId: string;
            practice?: string;
            references: {
                source: string;
                title: string;
            }[];
            /** @enum {string} */
            status: "missed" | "partial";
            text: string;
        };
        Transcript: {
            corrections: components["schemas"]["Correction"][];
            disputes: {
                /** @description ISO 8601 date-time */
                at: string;
                comment: string;
                id: string;
                resolvedAt: string | null;
            }[];
            report: components["schemas"]["ReviewedReport"] | null;
            review: {
                coachId: string | null;
                /** @description ISO 8601 date-time */
                completedAt: string;
            } | null;
            session: {
                candidateId: string;
                endedAt: string | null;
                endReason: ("candidate" | "clock") | null;
                id: string;
                /** @enum {string} */
                mode: "practice" | "realistic";
                questionId: string;
                /** @enum {string} */
                questionKind: "system-design" | "coding" | "behavioral";
                questionTitle: string;
                questionVersion: string;
                /** @description ISO 8601 date-time */
                startedAt: string;
                /** @enum {string} */
                status: "active" | "ended";
            };
            turns: components["schemas"]["TranscriptTurn"][];
        };
        TranscriptExport: {
            corrections: components["schemas"]["Correction"][];
            diagram: components["schemas"]["DiagramExport"] | null;
            disputes: {
                /** @description ISO 8601 date-time */
                at: string;
                comment: string;
                id: string;
                resolvedAt: string | null;
            }[];
            report: components["schemas"]["ReviewedReport"] | null;
            review: {
                coachId: string | null;
                /** @description ISO 8601 date-time */
                completedAt: string;
            } | null;
            session: {
                candidateId: string;
                endedAt: string | null;
                endReason: ("candidate" | "clock") | null;
                id: string;
                /** @enum {string} */
                mode: "practice" | "realistic";
                questionId: string;
                /** @enum {string} */
                questionKind: "system-design" | "coding" | "behavioral";
                questionTitle: string;
                questionVersion: string;
                /** @description ISO 8601 date-time */
                startedAt: string;
                /** @enum {string} */
                status: "active" | "ended";
            };
            turns: components["schemas"]["TranscriptTurn"][];
        };
        TranscriptTurn: {
            annotations: {
                /** @description ISO 8601 date-time */
                at: string;
                coachId: string | null;
                comment: string;
                id: string;
            }[];
            /** @description ISO 8601 date-time */
            at: string;
            diagramSnapshotId?: string | null;
            disputes: {
                /** @description ISO 8601 date-time */
                at: string;
                comment: string;
                id: string;
                resolvedAt: string | null;
            }[];
            grade?: components["schemas"]["ReviewedGrade"];
            grading?: {
                failureCode?: string;
                /** @enum {string} */
                status: "queued" | "grading" | "delayed" | "scored" | "failed";
            };
            keyPointId?: string;
            keyPointText?: string;
            number: number;
            phaseId: string;
            phaseTitle: string;
            reason?: string;
            seq: number;
            /** @enum {string} */
            speaker: "candidate" | "interviewer";
            text: string;
            turnId: string;
        };
        User: {
            /** @description ISO 8601 date-time */
            createdAt: string;
            disabledAt: string | null;
            earlyAccess: boolean;
            email: string;
            id: string;
            lastLoginAt: string | null;
            /** @enum {string} */
            role: "candidate" | "coach" | "admin";
        };
        WaitlistEntry: {
            cohort: string | null;
            /** @description ISO 8601 date-time */
            createdAt: string;
            email: string;
            id: string;
            invitedAt: string | null;
            inviteExpiresAt: string | null;
            name: string | null;
            position: number | null;
            redeemedAt: string | null;
            referralCount: number;
            signupNumber: number;
            /** @enum {string} */
            status: "waiting" | "invited" | "joined";
            targetRole: string | null;
            yearsExperience: number | null;
        };
        WaitlistPage: {
            entries: components["schemas"]["WaitlistEntry"][];
            total: number;
        };
        WaitlistStatus: {
            position: number | null;
            referralCode: string;
            referrals: number;
            /** @enum {string} */
            status: "waiting" | "invited" | "joined";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    CoachAssignmentsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoachAssignmentRow"][];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    CoachAssignmentsController_assign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    candidateId: string;
                    /** Format: uuid */
                    coachId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoachAssignment"];
                };
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    CoachAssignmentsController_unassign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    candidateId: string;
                    /** Format: uuid */
                    coachId: string;
                };
            };
        };
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    WaitlistController_listInvites: {
        parameters: {
            query?: {
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invite"][];
                };
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    WaitlistController_invite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cohort: string;
                    count?: number;
                    emails?: string[];
                    expiresInDays: number;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteBatch"];
                };
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    WaitlistController_resend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entryId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default 14 */
                    expiresInDays?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteResent"];
                };
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description INVITE_USED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVITE_USED";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    RolloutController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RolloutStatus"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    RolloutController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    dailyTokenBudget: number;
                    maxLiveSessions: number;
                    sessionsPerUserPerDay: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RolloutSettings"];
                };
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    AuthController_listUsers: {
        parameters: {
            query?: {
                q?: string;
                role?: "candidate" | "coach" | "admin";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"][];
                };
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    AuthController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONFLICT";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    WaitlistController_list: {
        parameters: {
            query?: {
                cohort?: string;
                limit?: number;
                offset?: number;
                q?: string;
                status?: "waiting" | "invited" | "joined";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitlistPage"];
                };
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessToken"];
                };
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description INVALID_CREDENTIALS */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_CREDENTIALS";
                        };
                    };
                };
            };
            /** @description ACCOUNT_DISABLED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DISABLED";
                        };
                    };
                };
            };
            /** @description RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    WaitlistController_redeem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessToken"];
                };
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description INVITE_INVALID */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVITE_INVALID";
                        };
                    };
                };
            };
            /** @description CONFLICT, INVITE_USED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONFLICT" | "INVITE_USED";
                        };
                    };
                };
            };
            /** @description INVITE_EXPIRED */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVITE_EXPIRED";
                        };
                    };
                };
            };
            /** @description RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessToken"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description ACCOUNT_DISABLED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "ACCOUNT_DISABLED";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    TranscriptsController_progress: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Progress"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    ContentController_questions: {
        parameters: {
            query?: {
                kind?: "system-design" | "coding" | "behavioral";
                topic?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionListItem"][];
                };
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    ContentController_question: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A candidate sees `CandidateQuestion`; a coach or admin the whole `Question` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CandidateQuestion"] | components["schemas"]["Question"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    ReviewController_calibration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calibration"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    ReviewController_queue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewQueueRow"][];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "FORBIDDEN";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    ReviewController_correct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default [] */
                    annotations?: {
                        comment: string;
                        /** Format: uuid */
                        turnId: string;
                    }[];
                    /** @default false */
                    complete?: boolean;
                    /** @default [] */
                    corrections?: ({
                        dimensionId: string;
                        /** @enum {string} */
                        kind: "dimension";
                        reason: string;
                        score: number;
                        turnId?: string | null;
                    } | {
                        keyPointId: string;
                        /** @enum {string} */
                        kind: "keyPoint";
                        reason: string;
                        /** @enum {string} */
                        status: "covered" | "partial" | "missed";
                        turnId?: string | null;
                    })[];
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewResult"];
                };
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description SESSION_NOT_FOUND, TURN_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "SESSION_NOT_FOUND" | "TURN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONFLICT";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    ContentController_roles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleGuide"][];
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    ContentController_role: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleGuide"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    SessionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionState"][];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    SessionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    mode: "practice" | "realistic";
                    questionId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionState"];
                };
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description EARLY_ACCESS_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "EARLY_ACCESS_REQUIRED";
                        };
                    };
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description DAILY_LIMIT */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "DAILY_LIMIT";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description BUDGET_EXHAUSTED, CAPACITY_FULL, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "BUDGET_EXHAUSTED" | "CAPACITY_FULL" | "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    SessionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDetail"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description SESSION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "SESSION_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    TranscriptsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description SESSION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "SESSION_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    SessionsController_codeTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CodeTimeline"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description SESSION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "SESSION_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description NOT_A_CODING_SESSION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "NOT_A_CODING_SESSION";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    SessionsController_latestDiagram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LatestDiagram"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description SESSION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "SESSION_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description NOT_A_DESIGN_SESSION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "NOT_A_DESIGN_SESSION";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    SessionsController_diagramTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiagramTimeline"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description SESSION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "SESSION_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description NOT_A_DESIGN_SESSION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "NOT_A_DESIGN_SESSION";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    SessionsController_diagramSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                snapshotId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiagramSnapshot"];
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description SESSION_NOT_FOUND, SNAPSHOT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "SESSION_NOT_FOUND" | "SNAPSHOT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description NOT_A_DESIGN_SESSION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "NOT_A_DESIGN_SESSION";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    SessionsController_diagramSvg: {
        parameters: {
            query?: {
                snapshotId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ; the board drawn as SVG, as a download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description SESSION_NOT_FOUND, SNAPSHOT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "SESSION_NOT_FOUND" | "SNAPSHOT_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description NOT_A_DESIGN_SESSION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "NOT_A_DESIGN_SESSION";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    TranscriptsController_dispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment: string;
                    turnId?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dispute"];
                };
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description SESSION_NOT_FOUND, TURN_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "SESSION_NOT_FOUND" | "TURN_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "CONFLICT";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    TranscriptsController_transcript: {
        parameters: {
            query?: {
                format?: "md" | "json";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transcript; with `format=json`, the download (`TranscriptExport`); with `format=md`, the Markdown download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transcript"] | components["schemas"]["TranscriptExport"];
                    "text/markdown": string;
                };
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAUTHENTICATED";
                        };
                    };
                };
            };
            /** @description SESSION_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "SESSION_NOT_FOUND";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    WaitlistController_signUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    name?: string;
                    referralCode?: string;
                    targetRole?: string;
                    yearsExperience?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignUpResult"];
                };
            };
            /** @description INVALID_PAYLOAD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INVALID_PAYLOAD";
                        };
                    };
                };
            };
            /** @description RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
    WaitlistController_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitlistStatus"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "NOT_FOUND";
                        };
                    };
                };
            };
            /** @description RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "RATE_LIMITED";
                        };
                    };
                };
            };
            /** @description INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "INTERNAL";
                        };
                    };
                };
            };
            /** @description UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"] & {
                        error?: {
                            /** @enum {string} */
                            code?: "UNAVAILABLE";
                        };
                    };
                };
            };
        };
    };
}
