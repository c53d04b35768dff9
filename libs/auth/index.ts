export { AuthCoreModule, AuthHttpModule, AuthJobsModule } from './auth.module.js';
export { AuthService, type Principal, type VerifiedToken } from './auth.service.js';
export { AccessChanges, AccessChangesModule, accessChangesChannel, type AccessChange } from './access-changes.js';
export { UsersService } from './users.service.js';
export { CurrentPrincipal, Public, Roles } from './auth.guard.js';
export { createSocketAuthMiddleware, type SocketAuthError } from './socket-auth.middleware.js';
export { createUserSchema, emailSchema, type AccessTokenDto, type CreateUserDto, type UserDto } from './auth.dto.js';
export { ROLES, type Role } from './user.entity.js';
export { PasswordHasher } from './password-hasher.js';
