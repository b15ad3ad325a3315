// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/ItemGroup.java).
package hudson.model;

/**
 * Only the naming members. Upstream gets {@code getFullName}/{@code getFullDisplayName} from
 * {@code FullyNamed}/{@code FullyNamedModelObject} and also extends {@code PersistenceRoot}.
 */
public interface ItemGroup<T extends Item> extends ModelObject {
    String getFullName();

    String getFullDisplayName();

    String getUrl();
}
