package org.bluemarble.edge.port;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bluemarble.auth.Role;

/** The admin port of a game that has none: every call fails with UNAVAILABLE. */
final class UnavailableAdmin implements AdminPort, AuditPort, AccountAdminPort, OperationsPort {
  static final UnavailableAdmin INSTANCE = new UnavailableAdmin();

  private UnavailableAdmin() {}

  private static <T> CompletionStage<T> none() {
    return CompletableFuture.failedFuture(
        new PortException(PortException.Code.UNAVAILABLE, "this node has no admin services"));
  }

  @Override
  public AuditPort audit() {
    return this;
  }

  @Override
  public AccountAdminPort accounts() {
    return this;
  }

  @Override
  public OperationsPort operations() {
    return this;
  }

  @Override
  public CompletionStage<Entry> record(Entry entry) {
    return none();
  }

  @Override
  public CompletionStage<Page> find(Query query) {
    return none();
  }

  @Override
  public CompletionStage<Optional<AccountView>> find(UUID accountId) {
    return none();
  }

  @Override
  public CompletionStage<Optional<AccountView>> findByName(String username) {
    return none();
  }

  @Override
  public CompletionStage<AccountView> ban(UUID accountId, String reason, Instant until, String by) {
    return none();
  }

  @Override
  public CompletionStage<AccountView> unban(UUID accountId, String by) {
    return none();
  }

  @Override
  public CompletionStage<AccountView> grantRole(UUID accountId, Role role) {
    return none();
  }

  @Override
  public CompletionStage<AccountView> revokeRole(UUID accountId, Role role) {
    return none();
  }

  @Override
  public CompletionStage<ClusterView> cluster() {
    return none();
  }

  @Override
  public void kick(String accountId, String reason) {
    throw new PortException(PortException.Code.UNAVAILABLE, "this node has no admin services");
  }

  @Override
  public void broadcast(String message, String from) {
    throw new PortException(PortException.Code.UNAVAILABLE, "this node has no admin services");
  }

  @Override
  public Maintenance maintenance() {
    return new Maintenance(false, "", "", Instant.EPOCH);
  }

  @Override
  public CompletionStage<Maintenance> setMaintenance(boolean on, String message, String by) {
    return none();
  }

  @Override
  public CompletionStage<Optional<AccountExport>> export(UUID accountId) {
    return none();
  }

  @Override
  public CompletionStage<Boolean> erase(UUID accountId, String by) {
    return none();
  }
}
