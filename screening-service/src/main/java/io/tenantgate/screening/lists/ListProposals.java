package io.tenantgate.screening.lists;

import io.tenantgate.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Four eyes on list replacement: an uploaded file is checked and kept as a proposal; a second person approves it,
 * and only then is it imported (and every customer re-screened against the change), or either rejects it. Lists
 * the service downloads from the official feeds itself need no approval.
 */
@ApplicationScoped
public class ListProposals {

    private static final Logger LOG = Logger.getLogger(ListProposals.class);

    private final ListImportService imports;
    private final ListProposalRepository proposals;

    public ListProposals(ListImportService imports, ListProposalRepository proposals) {
        this.imports = imports;
        this.proposals = proposals;
    }

    /** What an upload became: a proposal waiting for approval, or the version that already holds this content. */
    public record Proposed(Optional<ListProposal> proposal, Optional<ListVersion> alreadyImported) {
    }

    /** Checks the upload whole (a bad file is refused now, naming its line) and keeps it for a second person. */
    public Proposed propose(ListUpload upload, String proposedBy) {
        String checksum = upload.checksum();
        Optional<ListVersion> existing = imports.imported(upload.feed(), checksum);
        if (existing.isPresent()) {
            return new Proposed(Optional.empty(), existing);
        }
        int entryCount = imports.entries(upload).size();
        ListProposal proposal = new ListProposal(UUID.randomUUID(), upload.feed(), checksum, entryCount, upload.origin(),
                proposedBy, OffsetDateTime.now(ZoneOffset.UTC), ListProposal.Status.PENDING, null, null, null);
        proposals.insert(proposal, upload.parts());
        LOG.infof("%s list proposed by %s as %s (%d entries, checksum %s); waiting for a second person's approval",
                upload.feed(), proposedBy, proposal.id(), entryCount, checksum);
        return new Proposed(Optional.of(proposal), Optional.empty());
    }

    /** Imports a pending proposal; the person who proposed it may not approve it. */
    public ListImportService.ImportResult approve(UUID id, String approvedBy) {
        ListProposal proposal = pending(id);
        if (proposal.proposedBy().equals(approvedBy)) {
            throw ProblemException.refused("four-eyes", "Another person must approve",
                    "list proposal " + id + " was uploaded by " + approvedBy + "; another person must approve it");
        }
        ListUpload upload = new ListUpload(proposal.feed(), proposals.parts(id),
                proposal.origin() + " proposed by " + proposal.proposedBy() + ", approved by " + approvedBy);
        // Importing is idempotent by content, so two approvals racing import one version; one of them records it.
        ListImportService.ImportResult result = imports.importList(upload);
        if (!proposals.decide(id, ListProposal.Status.APPROVED, approvedBy, OffsetDateTime.now(ZoneOffset.UTC),
                result.version().id)) {
            throw decidedAlready(id);
        }
        return result;
    }

    /** Drops a pending proposal; anyone who may approve may reject, the proposer included (a withdrawal). */
    public ListProposal reject(UUID id, String rejectedBy) {
        pending(id);
        if (!proposals.decide(id, ListProposal.Status.REJECTED, rejectedBy, OffsetDateTime.now(ZoneOffset.UTC), null)) {
            throw decidedAlready(id);
        }
        return find(id);
    }

    public ListProposal find(UUID id) {
        return proposals.find(id).orElseThrow(() -> ProblemException.notFound("List proposal " + id));
    }

    public List<ListProposal> withStatus(ListProposal.Status status, int limit) {
        return proposals.withStatus(status, limit);
    }

    private ListProposal pending(UUID id) {
        ListProposal proposal = find(id);
        if (proposal.status() != ListProposal.Status.PENDING) {
            throw decidedAlready(id);
        }
        return proposal;
    }

    private static ProblemException decidedAlready(UUID id) {
        return ProblemException.conflict("list proposal " + id + " is decided already");
    }
}
