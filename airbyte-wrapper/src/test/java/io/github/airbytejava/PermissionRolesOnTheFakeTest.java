package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.airbytejava.generated.model.GroupCreateRequest;
import io.github.airbytejava.generated.model.GroupPermissionCreateRequest;
import io.github.airbytejava.generated.model.GroupPermissionResponse;
import io.github.airbytejava.generated.model.PermissionCreateRequest;
import io.github.airbytejava.generated.model.PermissionResponse;
import io.github.airbytejava.generated.model.PermissionType;
import io.github.airbytejava.generated.model.PermissionUpdateRequest;
import io.github.airbytejava.generated.model.PublicPermissionType;
import io.github.airbytejava.testkit.FakeAirbyte;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The roles the server knows from its config.yaml (2026-08-04) before Airbyte's api.yaml lists them,
 * {@code workspace_source_editor} and {@code workspace_destination_editor}: granted, read back, changed and granted to
 * a group, through the generated client and the fake, every exchange checked against the spec.
 */
class PermissionRolesOnTheFakeTest {

  @Test
  void sourceAndDestinationEditorRolesRoundTrip() {
    try (FakeAirbyte fake = FakeAirbyte.builder().start();
        AirbyteClient client = AirbyteClient.fromEnv(fake.env())) {
      UUID workspace = fake.defaultWorkspaceId();
      UUID ada = fake.addUser("Ada", "ada@example.com");

      PermissionResponse granted = client.permissions().createPermission(new PermissionCreateRequest()
          .permissionType(PublicPermissionType.WORKSPACE_SOURCE_EDITOR).userId(ada).workspaceId(workspace)).execute();
      assertEquals(PermissionType.WORKSPACE_SOURCE_EDITOR, granted.getPermissionType());
      assertEquals(PermissionType.WORKSPACE_SOURCE_EDITOR,
          client.permissions().getPermission(granted.getPermissionId()).execute().getPermissionType());

      PermissionResponse changed = client.permissions().updatePermission(granted.getPermissionId(),
          new PermissionUpdateRequest().permissionType(PermissionType.WORKSPACE_DESTINATION_EDITOR)).execute();
      assertEquals(PermissionType.WORKSPACE_DESTINATION_EDITOR, changed.getPermissionType());

      UUID group = client.groups().createGroup(new GroupCreateRequest().name("loaders")
          .organizationId(fake.defaultOrganizationId())).execute().getGroupId();
      GroupPermissionResponse ofGroup = client.groups().createGroupPermission(group, new GroupPermissionCreateRequest()
          .permissionType(PermissionType.WORKSPACE_DESTINATION_EDITOR).workspaceId(workspace)).execute();
      assertEquals(PermissionType.WORKSPACE_DESTINATION_EDITOR, ofGroup.getPermissionType());
      assertEquals(PermissionType.WORKSPACE_DESTINATION_EDITOR,
          client.groups().listGroupPermissions(group).execute().getData().get(0).getPermissionType());
      fake.assertConformant();
    }
  }
}
