package org.bluemarble.admin;

import org.bluemarble.edge.port.AccountAdminPort;
import org.bluemarble.edge.port.AdminPort;
import org.bluemarble.edge.port.AnalyticsPort;
import org.bluemarble.edge.port.AuditPort;
import org.bluemarble.edge.port.ChatAdminPort;
import org.bluemarble.edge.port.JournalPort;
import org.bluemarble.edge.port.LoadTestPort;
import org.bluemarble.edge.port.OperationsPort;

/** The node's {@link AdminPort}: one field per admin service. */
public record NodeAdmin(
    AuditPort audit,
    AccountAdminPort accounts,
    OperationsPort operations,
    AnalyticsPort analytics,
    ChatAdminPort chat,
    JournalPort journal,
    LoadTestPort loadTest)
    implements AdminPort {}
