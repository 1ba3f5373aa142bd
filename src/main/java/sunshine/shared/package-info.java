/** Shared kernel: the current user, data scoping, errors and web plumbing used by every module. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package sunshine.shared;
