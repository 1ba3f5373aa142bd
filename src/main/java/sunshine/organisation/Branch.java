package sunshine.organisation;

/** A node of the branch tree as others see it. {@code depth} counts from the head office (0). */
public record Branch(
        long id,
        long bankId,
        Long parentId,
        BranchKind kind,
        Department department,
        String code,
        String name,
        String path,
        String phone,
        String address,
        boolean active,
        int version) {

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }
}
